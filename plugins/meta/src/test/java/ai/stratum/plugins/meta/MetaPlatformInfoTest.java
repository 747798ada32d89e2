package ai.stratum.plugins.meta;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.ConnectorKind;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaPlatformInfoTest {

    private final ConnectorDescriptor descriptor = new MetaPlatformInfo().descriptor();

    @Test
    void describesTheMetaMarketingApiVersion25() {
        assertThat(descriptor.connectorId()).isEqualTo("meta-marketing");
        assertThat(descriptor.kind()).isEqualTo(ConnectorKind.AD_PLATFORM);
        assertThat(descriptor.platform()).contains(Platform.META);
        assertThat(descriptor.displayName()).isEqualTo("Meta Marketing API");
        assertThat(descriptor.apiVersion()).isEqualTo("v25.0");
        assertThat(descriptor.defaultEndpoints()).isEqualTo(PlatformEndpoints.of("https://graph.facebook.com", "https://www.facebook.com", "https://graph.facebook.com"));
    }

    @Test
    void executesAllNineAdActions() {
        assertThat(descriptor.supportedActions()).containsExactlyInAnyOrder(
                ActionType.UPDATE_BUDGET, ActionType.INCREASE_BUDGET, ActionType.REDUCE_BUDGET,
                ActionType.UPDATE_BID, ActionType.INCREASE_BID, ActionType.REDUCE_BID,
                ActionType.UPDATE_STATUS, ActionType.PAUSE_UNDERPERFORMING, ActionType.PAUSE_ALL);
    }

    @Test
    void isListedInTheExtensionIndexPf4jReads() throws IOException {
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(index).as("META-INF/extensions.idx").isNotNull();
            assertThat(new String(index.readAllBytes(), UTF_8)).contains(MetaPlatformInfo.class.getName());
        }
    }

    @Test
    void listsTheCollectorExecutorOAuthAndAudienceExtensionsForPf4j() throws IOException {
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(index).as("META-INF/extensions.idx").isNotNull();
            assertThat(new String(index.readAllBytes(), UTF_8).lines()).contains(
                    MetaSignalCollector.class.getName(), MetaActionExecutor.class.getName(),
                    MetaOAuthProvider.class.getName(), MetaAudienceSync.class.getName());
        }
    }

    @Test
    void servesTheConnectorFromEveryExtension() {
        List<ConnectorExtension> extensions = List.of(new MetaSignalCollector(), new MetaActionExecutor(),
                new MetaOAuthProvider(), new MetaAudienceSync());

        assertThat(extensions).extracting(ConnectorExtension::connectorId).containsOnly(MetaPlatformInfo.CONNECTOR_ID);
    }
}
