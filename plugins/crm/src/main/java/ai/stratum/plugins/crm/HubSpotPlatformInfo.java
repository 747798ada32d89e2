package ai.stratum.plugins.crm;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import org.pf4j.Extension;

/**
 * Describes the HubSpot connector: contacts, companies and deals through HubSpot's CRM APIs.
 * HubSpot versions its REST APIs by release date ({@code /crm/objects/2026-09/contacts}), with a
 * new version each March and September; users authorize on app.hubspot.com and tokens are
 * exchanged on api.hubapi.com.
 */
@Extension
public class HubSpotPlatformInfo implements PlatformInfo {

    /** The id of this connector, used by its other extensions. */
    public static final String CONNECTOR_ID = "hubspot-crm";

    /** The date-based API version every call of this connector targets. */
    public static final String API_VERSION = "2026-09";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.crm(
            CONNECTOR_ID,
            "hubspot",
            "HubSpot CRM",
            API_VERSION,
            PlatformEndpoints.of("https://api.hubapi.com", "https://app.hubspot.com", "https://api.hubapi.com"));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
