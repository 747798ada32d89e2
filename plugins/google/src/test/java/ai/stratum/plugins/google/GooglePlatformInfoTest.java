package ai.stratum.plugins.google;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorKind;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class GooglePlatformInfoTest {

    private final ConnectorDescriptor descriptor = new GooglePlatformInfo().descriptor();

    @Test
    void describesTheGoogleAdsApiVersion26() {
        assertThat(descriptor.connectorId()).isEqualTo("google-ads");
        assertThat(descriptor.kind()).isEqualTo(ConnectorKind.AD_PLATFORM);
        assertThat(descriptor.platform()).contains(Platform.GOOGLE);
        assertThat(descriptor.displayName()).isEqualTo("Google Ads API");
        assertThat(descriptor.apiVersion()).isEqualTo("v26");
        assertThat(descriptor.defaultEndpoints()).isEqualTo(PlatformEndpoints.of("https://googleads.googleapis.com", "https://accounts.google.com", "https://oauth2.googleapis.com"));
    }

    @Test
    void executesAllNineAdActions() {
        assertThat(descriptor.supportedActions()).containsExactlyInAnyOrder(
                ActionType.UPDATE_BUDGET, ActionType.INCREASE_BUDGET, ActionType.REDUCE_BUDGET,
                ActionType.UPDATE_BID, ActionType.INCREASE_BID, ActionType.REDUCE_BID,
                ActionType.UPDATE_STATUS, ActionType.PAUSE_UNDERPERFORMING, ActionType.PAUSE_ALL);
    }

    @Test
    void listsEveryExtensionInTheIndexPf4jReads() throws IOException {
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(index).as("META-INF/extensions.idx").isNotNull();
            assertThat(new String(index.readAllBytes(), UTF_8).lines()).contains(
                    GooglePlatformInfo.class.getName(), GoogleSignalCollector.class.getName(),
                    GoogleActionExecutor.class.getName(), GoogleOAuthProvider.class.getName(),
                    GoogleAudienceSync.class.getName());
        }
    }

    @Test
    void everyExtensionServesTheGoogleAdsConnector() {
        assertThat(List.of(new GoogleSignalCollector().connectorId(), new GoogleActionExecutor().connectorId(),
                new GoogleOAuthProvider().connectorId(), new GoogleAudienceSync().connectorId()))
                .containsOnly(GooglePlatformInfo.CONNECTOR_ID);
    }
}
