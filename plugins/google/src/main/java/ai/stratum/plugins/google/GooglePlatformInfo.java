package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * Describes the Google Ads connector: the Google Ads API v26 over REST ({@code googleAds:searchStream}
 * for reports, {@code :mutate} for changes). OAuth runs on Google's accounts and oauth2 hosts.
 *
 * <p>v26 is Google's latest active version; v22, which this connector first targeted, sunsets on
 * 2026-10-07. The REST paths and JSON of the endpoints used here are the same across those versions.
 */
@Extension
public class GooglePlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "google-ads";

    /** The API version every call of this plugin targets. */
    public static final String API_VERSION = "v26";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.adPlatform(
            CONNECTOR_ID,
            Platform.GOOGLE,
            "Google Ads API",
            API_VERSION,
            PlatformEndpoints.of("https://googleads.googleapis.com", "https://accounts.google.com", "https://oauth2.googleapis.com"),
            // listed one by one, so an action type added to the API later is not claimed unseen
            EnumSet.of(
                    ActionType.UPDATE_BUDGET, ActionType.INCREASE_BUDGET, ActionType.REDUCE_BUDGET,
                    ActionType.UPDATE_BID, ActionType.INCREASE_BID, ActionType.REDUCE_BID,
                    ActionType.UPDATE_STATUS, ActionType.PAUSE_UNDERPERFORMING, ActionType.PAUSE_ALL));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
