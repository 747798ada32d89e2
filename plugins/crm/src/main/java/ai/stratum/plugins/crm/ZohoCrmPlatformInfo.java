package ai.stratum.plugins.crm;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import org.pf4j.Extension;

/**
 * Describes the Zoho CRM connector: leads, contacts, accounts and deals through the Zoho CRM REST
 * API v8. The endpoints are Zoho's US data centre; accounts in other data centres (EU, IN, AU, JP,
 * CA) are reached by overriding the endpoints, since Zoho serves each region from its own domain.
 */
@Extension
public class ZohoCrmPlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "zoho-crm";

    /** The API version every call of this connector targets. */
    public static final String API_VERSION = "v8";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.crm(
            CONNECTOR_ID,
            "zoho",
            "Zoho CRM",
            API_VERSION,
            PlatformEndpoints.of("https://www.zohoapis.com", "https://accounts.zoho.com", "https://accounts.zoho.com"));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
