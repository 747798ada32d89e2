package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * Describes the Snapchat connector: the Snapchat Marketing API v1 on adsapi.snapchat.com, with OAuth on
 * accounts.snapchat.com.
 */
@Extension
public class SnapchatPlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "snapchat-marketing";

    /** The API version every call of this plugin targets. */
    public static final String API_VERSION = "v1";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.adPlatform(
            CONNECTOR_ID,
            Platform.SNAPCHAT,
            "Snapchat Marketing API",
            API_VERSION,
            PlatformEndpoints.of("https://adsapi.snapchat.com", "https://accounts.snapchat.com", "https://accounts.snapchat.com"),
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
