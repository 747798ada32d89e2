package ai.stratum.plugins.tiktok;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TikTokExtensionsTest {

    private static final List<ConnectorExtension> EXTENSIONS = List.of(new TikTokPlatformInfo(),
            new TikTokSignalCollector(), new TikTokActionExecutor(), new TikTokOAuthProvider(), new TikTokAudienceSync());

    @Test
    void everyExtensionServesTheTikTokConnector() {
        assertThat(EXTENSIONS).extracting(ConnectorExtension::connectorId).containsOnly(TikTokPlatformInfo.CONNECTOR_ID);
    }

    @Test
    void everyExtensionIsListedInTheIndexPf4jReads() throws IOException {
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(index).isNotNull();
            String listed = new String(index.readAllBytes(), UTF_8);
            EXTENSIONS.forEach(extension -> assertThat(listed).contains(extension.getClass().getName()));
        }
    }
}
