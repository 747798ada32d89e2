package ai.stratum.server.cdp.ingest;

import java.util.Locale;
import java.util.Optional;

/** The six calls of the Segment spec. */
public enum EventType {
    TRACK,
    IDENTIFY,
    PAGE,
    SCREEN,
    ALIAS,
    GROUP;

    /** The spec's name of the call, as in a batch item's {@code type}: {@code track}, {@code identify}… */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A batch item's {@code type}, in any case. */
    public static Optional<EventType> fromSpecName(String name) {
        for (EventType type : values()) {
            if (type.specName().equalsIgnoreCase(name.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The call an endpoint path stands for: {@code /v1/track}, or the one-letter form
     * ({@code /v1/t}) that Analytics.js posts to.
     */
    public static Optional<EventType> fromPath(String path) {
        for (EventType type : values()) {
            if (type.specName().equals(path) || type.specName().substring(0, 1).equals(path)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
