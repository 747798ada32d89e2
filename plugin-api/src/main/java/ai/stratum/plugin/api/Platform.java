package ai.stratum.plugin.api;

import java.util.Arrays;
import java.util.Optional;

/** The ad platforms Stratum connects to. */
public enum Platform {
    /** Meta (Facebook and Instagram ads) through the Meta Marketing API. */
    META("meta"),
    /** Google Ads through the Google Ads API. */
    GOOGLE("google"),
    /** TikTok through the TikTok Marketing API. */
    TIKTOK("tiktok"),
    /** Snapchat through the Snapchat Marketing API. */
    SNAPCHAT("snapchat");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    /**
     * The platform's stable lower-case identifier, used as {@link ConnectorDescriptor#system()} of
     * an ad-platform connector.
     *
     * @return the identifier, for example {@code meta}
     */
    public String id() {
        return id;
    }

    /**
     * Finds the platform with the given identifier.
     *
     * @param id a lower-case identifier such as {@code tiktok}
     * @return the platform, or empty when no platform has that identifier
     */
    public static Optional<Platform> fromId(String id) {
        return Arrays.stream(values()).filter(platform -> platform.id.equals(id)).findFirst();
    }
}
