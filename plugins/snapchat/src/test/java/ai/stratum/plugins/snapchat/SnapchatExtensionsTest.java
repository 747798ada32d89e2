package ai.stratum.plugins.snapchat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.PlatformEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapchatExtensionsTest {

    private static final List<ConnectorExtension> EXTENSIONS = List.of(new SnapchatSignalCollector(),
            new SnapchatActionExecutor(), new SnapchatOAuthProvider(), new SnapchatAudienceSync());

    @Test
    void everyExtensionSpeaksForTheSnapchatConnector() {
        assertThat(EXTENSIONS).extracting(ConnectorExtension::connectorId).containsOnly(SnapchatPlatformInfo.CONNECTOR_ID);
    }

    @Test
    void pf4jFindsEveryExtensionInTheIndex() throws IOException {
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(index).isNotNull();
            String listed = new String(index.readAllBytes(), UTF_8);
            assertThat(EXTENSIONS).allSatisfy(extension -> assertThat(listed).contains(extension.getClass().getName()));
        }
    }

    @Test
    void everyUrlCarriesTheApiVersionOnTheConfiguredHost() {
        SnapchatUrls urls = new SnapchatUrls(PlatformEndpoints.of(
                "http://sandbox.local:9001", "http://auth.local:9002", "http://token.local:9003"));

        assertThat(urls.adAccount("a").toString()).isEqualTo("http://sandbox.local:9001/v1/adaccounts/a");
        assertThat(urls.entityUpdates("campaigns", "c", "adsquads").toString())
                .isEqualTo("http://sandbox.local:9001/v1/campaigns/c/adsquads");
        assertThat(urls.token().toString()).isEqualTo("http://token.local:9003/login/oauth2/access_token");
        assertThat(urls.entity("campaigns", "x/../y?z").toString())
                .as("an id cannot add a path or a query").isEqualTo("http://sandbox.local:9001/v1/campaigns/x%2F..%2Fy%3Fz");
    }
}
