package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * Describes the TikTok connector: the TikTok Marketing API (TikTok API for Business) v1.3. Advertisers
 * authorize on the business-api host's portal, and tokens are exchanged on the same host.
 */
@Extension
public class TikTokPlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "tiktok-marketing";

    /** The API version every call of this plugin targets. */
    public static final String API_VERSION = "v1.3";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.adPlatform(
            CONNECTOR_ID,
            Platform.TIKTOK,
            "TikTok Marketing API",
            API_VERSION,
            PlatformEndpoints.of("https://business-api.tiktok.com", "https://business-api.tiktok.com", "https://business-api.tiktok.com"),
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
