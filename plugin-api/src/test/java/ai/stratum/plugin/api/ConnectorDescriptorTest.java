package ai.stratum.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorDescriptorTest {

    private static final PlatformEndpoints ENDPOINTS =
            PlatformEndpoints.of("https://api.example.com", "https://auth.example.com", "https://api.example.com");

    @Test
    void adPlatformConnectorNamesItsPlatform() {
        ConnectorDescriptor descriptor = ConnectorDescriptor.adPlatform("tiktok-marketing", Platform.TIKTOK,
                "TikTok Marketing API", "v1.3", ENDPOINTS, Set.of(ActionType.PAUSE_ALL, ActionType.UPDATE_BID));

        assertThat(descriptor.kind()).isEqualTo(ConnectorKind.AD_PLATFORM);
        assertThat(descriptor.system()).isEqualTo("tiktok");
        assertThat(descriptor.platform()).contains(Platform.TIKTOK);
        assertThat(descriptor.supportedActions()).containsExactly(ActionType.UPDATE_BID, ActionType.PAUSE_ALL);
        assertThat(descriptor.supports(ActionType.UPDATE_BUDGET)).isFalse();
    }

    @Test
    void crmConnectorHasNoPlatformAndNoActions() {
        ConnectorDescriptor descriptor =
                ConnectorDescriptor.crm("hubspot-crm", "hubspot", "HubSpot CRM", "2026-03", ENDPOINTS);

        assertThat(descriptor.platform()).isEmpty();
        assertThat(descriptor.supportedActions()).isEmpty();
    }

    @Test
    void refusesAdActionsOnANonAdConnector() {
        assertThatThrownBy(() -> new ConnectorDescriptor("zoho-crm", ConnectorKind.CRM, "zoho", "Zoho CRM", "v8",
                ENDPOINTS, EnumSet.of(ActionType.PAUSE_ALL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot support ad actions");
    }

    @Test
    void refusesAnAdPlatformConnectorForAnUnknownPlatform() {
        assertThatThrownBy(() -> new ConnectorDescriptor("pinterest-ads", ConnectorKind.AD_PLATFORM, "pinterest",
                "Pinterest", "v5", ENDPOINTS, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Platform id");
    }

    @Test
    void refusesMalformedConnectorIds() {
        assertThatThrownBy(() -> ConnectorDescriptor.crm("HubSpot CRM", "hubspot", "HubSpot", "v3", ENDPOINTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectorId");
    }

    @Test
    void refusesEndpointsWithAPath() {
        assertThatThrownBy(() -> PlatformEndpoints.of("https://graph.facebook.com/v25.0", "https://www.facebook.com",
                "https://graph.facebook.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme, host and port only");
    }

    @Test
    void acceptsLocalEndpointsWithAPort() {
        PlatformEndpoints local =
                PlatformEndpoints.of("http://127.0.0.1:8089", "http://127.0.0.1:8089/", "http://localhost:8089");

        assertThat(local.api().getPort()).isEqualTo(8089);
    }
}
