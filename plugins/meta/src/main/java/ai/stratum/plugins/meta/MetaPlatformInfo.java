package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * Describes the Meta connector: the Marketing API on the Graph API, version v25.0. Users grant access
 * through the Facebook Login dialog on www.facebook.com; tokens are exchanged on the Graph API host.
 */
@Extension
public class MetaPlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "meta-marketing";

    /** The API version every call of this plugin targets. */
    public static final String API_VERSION = "v25.0";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.adPlatform(
            CONNECTOR_ID,
            Platform.META,
            "Meta Marketing API",
            API_VERSION,
            PlatformEndpoints.of("https://graph.facebook.com", "https://www.facebook.com", "https://graph.facebook.com"),
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
