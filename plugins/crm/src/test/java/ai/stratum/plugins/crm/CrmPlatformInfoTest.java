package ai.stratum.plugins.crm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorKind;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrmPlatformInfoTest {

    static Stream<Arguments> connectors() {
        return Stream.of(
                Arguments.of(new HubSpotPlatformInfo(), "hubspot-crm", ConnectorKind.CRM, "hubspot", "HubSpot CRM",
                        "2026-09", PlatformEndpoints.of(
                                "https://api.hubapi.com", "https://app.hubspot.com", "https://api.hubapi.com")),
                Arguments.of(new ZohoCrmPlatformInfo(), "zoho-crm", ConnectorKind.CRM, "zoho", "Zoho CRM",
                        "v8", PlatformEndpoints.of(
                                "https://www.zohoapis.com", "https://accounts.zoho.com", "https://accounts.zoho.com")),
                Arguments.of(new WhatsAppBusinessPlatformInfo(), "whatsapp-business", ConnectorKind.MESSAGING,
                        "whatsapp", "WhatsApp Business Platform (Cloud API)", "v25.0", PlatformEndpoints.of(
                                "https://graph.facebook.com", "https://www.facebook.com", "https://graph.facebook.com")));
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void describesEachSystemWithNoAdPlatformAndNoAdActions(PlatformInfo info, String connectorId, ConnectorKind kind,
            String system, String displayName, String apiVersion, PlatformEndpoints endpoints) {
        ConnectorDescriptor descriptor = info.descriptor();

        assertThat(descriptor.connectorId()).isEqualTo(connectorId);
        assertThat(info.connectorId()).isEqualTo(connectorId);
        assertThat(descriptor.kind()).isEqualTo(kind);
        assertThat(descriptor.system()).isEqualTo(system);
        assertThat(descriptor.displayName()).isEqualTo(displayName);
        assertThat(descriptor.apiVersion()).isEqualTo(apiVersion);
        assertThat(descriptor.defaultEndpoints()).isEqualTo(endpoints);
        assertThat(descriptor.platform()).isEmpty();
        assertThat(descriptor.supportedActions()).isEmpty();
    }

    @Test
    void listsAllThreeConnectorsInTheExtensionIndexPf4jReads() throws IOException {
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(index).as("META-INF/extensions.idx").isNotNull();
            assertThat(new String(index.readAllBytes(), UTF_8)).contains(
                    HubSpotPlatformInfo.class.getName(),
                    ZohoCrmPlatformInfo.class.getName(),
                    WhatsAppBusinessPlatformInfo.class.getName());
        }
    }
}
