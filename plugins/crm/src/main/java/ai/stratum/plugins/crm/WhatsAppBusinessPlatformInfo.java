package ai.stratum.plugins.crm;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import org.pf4j.Extension;

/**
 * Describes the WhatsApp Business connector: messages through the WhatsApp Business Platform's
 * Cloud API, which Meta serves on the Graph API. It targets the same Graph API version as the
 * Meta ad connector, so both move to a new Graph version together; businesses connect through
 * Meta's login dialog on www.facebook.com.
 */
@Extension
public class WhatsAppBusinessPlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "whatsapp-business";

    /** The Graph API version every call of this connector targets. */
    public static final String API_VERSION = "v25.0";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.messaging(
            CONNECTOR_ID,
            "whatsapp",
            "WhatsApp Business Platform (Cloud API)",
            API_VERSION,
            PlatformEndpoints.of("https://graph.facebook.com", "https://www.facebook.com", "https://graph.facebook.com"));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
