package ai.stratum.server.plugins;

import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plugins} as a client sees it, with a deliberately broken plugin jar next to good ones. */
@MicronautTest(transactional = false)
class PluginListingTest extends IntegrationTest {

    private static final String QUERY = """
            { plugins { id version state extensions error file
                        connectors { id kind platform system displayName apiVersion supportedActions } } }
            """;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            Path directory = Files.createTempDirectory("stratum-plugins");
            TestPlugins.connectorPlugin("good", "good-meta", "META").writeTo(directory.resolve("good.jar"));
            TestPlugins.missingPluginClass().writeTo(directory.resolve("missing-class.jar"));
            Files.writeString(directory.resolve("broken.jar"), "not a jar");
            return Map.of("stratum.plugins.dir", directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void listsStartedAndFailedPluginsAndTheServerStillRuns() {
        List<Map<String, Object>> plugins = graphql().withToken(loginAsAdmin()).execute(QUERY).assertNoErrors().data("plugins");

        assertThat(plugins).extracting(plugin -> plugin.get("file"))
                .containsExactly("broken.jar", "good.jar", "missing-class.jar");
        assertThat(plugins.get(0))
                .containsEntry("state", "FAILED")
                .containsEntry("error", "broken.jar is not a readable jar (zip END header not found)");
        assertThat(plugins.get(1))
                .containsEntry("id", "good")
                .containsEntry("state", "STARTED")
                .containsEntry("extensions", List.of("PlatformInfo", "SignalCollector"))
                .containsEntry("error", null)
                .containsEntry("connectors", List.of(Map.of(
                        "id", "good-meta", "kind", "AD_PLATFORM", "platform", "META", "system", "meta",
                        "displayName", "Test META", "apiVersion", "v9.9", "supportedActions", List.of("PAUSE_ALL"))));
        assertThat(plugins.get(2)).containsEntry("state", "FAILED");
        assertThat((String) plugins.get(2).get("error")).isNotBlank();
    }

    @Test
    void needsAnAuthenticatedCaller() {
        assertThat(graphql().execute(QUERY).errorCode()).isEqualTo("UNAUTHENTICATED");
    }
}
