package ai.stratum.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformInfo;
import ai.stratum.plugin.api.PluginApi;
import ai.stratum.server.plugins.InstalledPlugin.State;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loads the five plugin jars this build produces. They are taken from {@code server/target/plugins}
 * when the build has copied them there (package phase), otherwise straight from the plugin modules'
 * {@code target} directories, which a reactor build fills before the server's tests run.
 */
class PluginBuiltJarsTest {

    private static final List<String> PLUGINS = List.of("meta", "google", "tiktok", "snapchat", "crm");

    @TempDir
    Path collected;

    @Test
    void startsAllFiveBuiltPlugins() throws Exception {
        try (PluginRegistry registry = new PluginRegistry(builtPlugins(), PluginApi.VERSION)) {
            assertThat(registry.plugins())
                    .extracting(InstalledPlugin::id, InstalledPlugin::state, InstalledPlugin::error)
                    .containsExactlyInAnyOrder(
                            tuple("meta", State.STARTED, null),
                            tuple("google", State.STARTED, null),
                            tuple("tiktok", State.STARTED, null),
                            tuple("snapchat", State.STARTED, null),
                            tuple("crm", State.STARTED, null));
            assertThat(registry.plugins()).allSatisfy(plugin ->
                    assertThat(plugin.extensionPoints()).contains("PlatformInfo"));
            assertThat(registry.plugin("crm").orElseThrow().connectors())
                    .extracting(ConnectorDescriptor::connectorId)
                    .containsExactlyInAnyOrder("hubspot-crm", "zoho-crm", "whatsapp-business");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "META,     meta-marketing,     v25.0",
        "GOOGLE,   google-ads,         v26",
        "TIKTOK,   tiktok-marketing,   v1.3",
        "SNAPCHAT, snapchat-marketing, v1"
    })
    void servesEachAdPlatformWithItsApiVersionAndTheNineActions(Platform platform, String connectorId,
            String apiVersion) throws Exception {
        try (PluginRegistry registry = new PluginRegistry(builtPlugins(), PluginApi.VERSION)) {
            assertThat(registry.extensions(platform, PlatformInfo.class)).singleElement()
                    .extracting(PlatformInfo::descriptor)
                    .satisfies(descriptor -> {
                        assertThat(descriptor.connectorId()).isEqualTo(connectorId);
                        assertThat(descriptor.apiVersion()).isEqualTo(apiVersion);
                        assertThat(descriptor.supportedActions()).containsExactlyInAnyOrder(ActionType.values());
                    });
        }
    }

    /**
     * The plugin jars the reactor just built in their modules; the copies next to the server jar
     * only when the modules are not there (the copies are made after tests, so they may be stale).
     */
    private Path builtPlugins() throws IOException, URISyntaxException {
        Path serverTarget = Path.of(PluginRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path modules = serverTarget.getParent().resolveSibling("plugins");
        if (!Files.isDirectory(modules)) {
            Path copied = serverTarget.resolve("plugins");
            assumeTrue(hasAllPlugins(copied), "the plugins are not built; run the reactor build first");
            return copied;
        }
        for (String plugin : PLUGINS) {
            Path target = modules.resolve(plugin).resolve("target");
            try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
                List<Path> jars = files.filter(file -> file.getFileName().toString().matches("stratum-plugin-.*\\.jar"))
                        .toList();
                assumeTrue(jars.size() == 1, "plugin " + plugin + " is not built; run the reactor build first");
                Files.copy(jars.get(0), collected.resolve(jars.get(0).getFileName()));
            }
        }
        return collected;
    }

    private static boolean hasAllPlugins(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("stratum-plugin-")).count()
                    == PLUGINS.size();
        }
    }
}
