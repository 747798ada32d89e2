package ai.stratum.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.ConnectorKind;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.api.PlatformInfo;
import ai.stratum.plugin.api.PluginApi;
import ai.stratum.plugin.api.SignalCollector;
import ai.stratum.server.plugins.InstalledPlugin.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads real plugin jars, compiled and packed in a temporary directory, through the registry, as
 * the server does at start.
 */
class PluginRegistryTest {

    @TempDir
    static Path jars;

    @TempDir
    Path plugins;

    private static Path good;
    private static Path other;
    private static Path missingClass;
    private static Path futureApi;
    private static Path corrupt;
    private static Path throwingOnStart;
    private static Path duplicateConnector;
    private static Path orphanExtension;
    private static Path bundlingApi;
    private static Path needsAbsentPlugin;
    private static Path needsThrowingPlugin;

    @BeforeAll
    static void buildPlugins() throws IOException {
        good = TestPlugins.connectorPlugin("good", "good-meta", "META").writeTo(jars.resolve("good.jar"));
        other = TestPlugins.connectorPlugin("other", "other-google", "GOOGLE").writeTo(jars.resolve("other.jar"));
        missingClass = TestPlugins.missingPluginClass().writeTo(jars.resolve("missing-class.jar"));
        futureApi = TestPlugins.connectorPlugin("future", "future-tiktok", "TIKTOK")
                .requires("^2.0.0").writeTo(jars.resolve("future-api.jar"));
        corrupt = Files.write(jars.resolve("corrupt.jar"), "this is not a zip archive".getBytes());
        throwingOnStart = TestPlugins.throwingOnStart().writeTo(jars.resolve("throws-on-start.jar"));
        duplicateConnector = TestPlugins.connectorPlugin("copycat", "good-meta", "META")
                .writeTo(jars.resolve("zz-copycat.jar"));
        orphanExtension = TestPlugins.orphanExtension().writeTo(jars.resolve("orphan.jar"));
        bundlingApi = TestPlugins.connectorPlugin("careless", "careless-snap", "SNAPCHAT")
                .bundling(PlatformInfo.class, ConnectorExtension.class, ConnectorDescriptor.class, Platform.class,
                        PlatformEndpoints.class, ActionType.class, ConnectorKind.class)
                .writeTo(jars.resolve("careless.jar"));
        needsAbsentPlugin = TestPlugins.connectorPlugin("needs-absent", "needs-absent-meta", "META")
                .dependsOn("absent").writeTo(jars.resolve("needs-absent.jar"));
        needsThrowingPlugin = TestPlugins.connectorPlugin("a-needs-throwing", "needs-throwing-meta", "META")
                .dependsOn("throws-on-start").writeTo(jars.resolve("a-needs-throwing.jar"));
    }

    @Test
    void startsAPluginWithItsExtensionPointsAndConnectors() throws IOException {
        install(good, other);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            assertThat(registry.plugins()).extracting(InstalledPlugin::id, InstalledPlugin::version, InstalledPlugin::state)
                    .containsExactly(
                            tuple("good", "1.2.3", State.STARTED),
                            tuple("other", "1.2.3", State.STARTED));
            InstalledPlugin plugin = registry.plugin("good").orElseThrow();
            assertThat(plugin.extensionPoints()).containsExactly("PlatformInfo", "SignalCollector");
            assertThat(plugin.error()).isNull();
            assertThat(plugin.file()).isEqualTo("good.jar");
            assertThat(plugin.connectors()).singleElement().satisfies(connector -> {
                assertThat(connector.connectorId()).isEqualTo("good-meta");
                assertThat(connector.platform()).contains(Platform.META);
                assertThat(connector.apiVersion()).isEqualTo("v9.9");
                assertThat(connector.supportedActions()).containsExactly(ActionType.PAUSE_ALL);
            });
        }
    }

    @Test
    void looksUpExtensionsByPlatformAndByConnector() throws IOException {
        install(good, other);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            assertThat(registry.extensions(Platform.META, SignalCollector.class)).singleElement()
                    .satisfies(collector -> assertThat(collector.campaigns(null, "act_1", null)
                            .toCompletableFuture().join().items()).hasSize(1));
            assertThat(registry.extensions(Platform.GOOGLE, PlatformInfo.class)).singleElement()
                    .extracting(PlatformInfo::connectorId).isEqualTo("other-google");
            assertThat(registry.extensions(Platform.SNAPCHAT, SignalCollector.class)).isEmpty();
            assertThat(registry.extensions("good-meta", SignalCollector.class)).hasSize(1);
            assertThat(registry.connector("other-google")).isPresent();
            assertThat(registry.connectors()).extracting(ConnectorDescriptor::connectorId)
                    .containsExactly("good-meta", "other-google");
        }
    }

    @Test
    void listsAPluginWhosePluginClassDoesNotExistAsFailedAndStartsTheOthers() throws IOException {
        install(good, missingClass);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin failed = registry.plugin("missing-class").orElseThrow();
            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.error()).isEqualTo("Plugin-Class 'test.missing.NoSuchPlugin' was not found in the plugin");
            assertThat(failed.extensionPoints()).isEmpty();
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void doesNotStartAPluginThatRequiresPluginApiTwoAndSaysWhy() throws IOException {
        install(good, futureApi);

        try (PluginRegistry registry = new PluginRegistry(plugins, "1.0.0")) {
            InstalledPlugin future = registry.plugin("future").orElseThrow();
            assertThat(future.state()).isEqualTo(State.FAILED);
            assertThat(future.error()).isEqualTo("requires plugin API ^2.0.0 but this server provides 1.0.0");
            assertThat(registry.connector("future-tiktok")).isEmpty();
            assertThat(registry.extensions(Platform.TIKTOK, PlatformInfo.class)).isEmpty();
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void listsACorruptJarAsFailedUnderItsFileName() throws IOException {
        install(corrupt, good);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin broken = registry.plugin("corrupt.jar").orElseThrow();
            assertThat(broken.state()).isEqualTo(State.FAILED);
            assertThat(broken.version()).isEqualTo(InstalledPlugin.UNKNOWN_VERSION);
            assertThat(broken.error()).startsWith("corrupt.jar is not a readable jar");
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void listsADirectoryWithoutDescriptorAsFailedUnderItsName() throws IOException {
        Files.createDirectories(plugins.resolve("notes"));
        install(good);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin notes = registry.plugin("notes").orElseThrow();
            assertThat(notes.state()).isEqualTo(State.FAILED);
            assertThat(notes.error())
                    .isEqualTo("notes has no plugin descriptor (a manifest with Plugin-Id, or plugin.properties)");
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void listsAPluginWhoseStartThrowsAsFailedWithTheReason() throws IOException {
        install(throwingOnStart, good);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin failed = registry.plugin("throws-on-start").orElseThrow();
            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.error()).isEqualTo("licence server unreachable");
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void reportsAPluginTheOperatorDisabledAsDisabled() throws IOException {
        install(good, other);
        Files.writeString(plugins.resolve("disabled.txt"), "other\n");

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin disabled = registry.plugin("other").orElseThrow();
            assertThat(disabled.state()).isEqualTo(State.DISABLED);
            assertThat(disabled.error()).isNull();
            assertThat(registry.extensions(Platform.GOOGLE, PlatformInfo.class)).isEmpty();
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void refusesASecondPluginForAConnectorAlreadyProvided() throws IOException {
        install(good, duplicateConnector);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin copycat = registry.plugin("copycat").orElseThrow();
            assertThat(copycat.state()).isEqualTo(State.FAILED);
            assertThat(copycat.error()).isEqualTo("connector 'good-meta' is already provided by plugin 'good'");
            assertThat(registry.extensions("good-meta", SignalCollector.class)).hasSize(1);
        }
    }

    @Test
    void failsAPluginWhoseExtensionServesNoDescribedConnector() throws IOException {
        install(orphanExtension);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin orphan = registry.plugin("orphan").orElseThrow();
            assertThat(orphan.state()).isEqualTo(State.FAILED);
            assertThat(orphan.error()).isEqualTo("test.orphan.Collector serves connector 'nobody-describes-me',"
                    + " which no PlatformInfo of the plugin describes");
        }
    }

    @Test
    void givesPluginsTheServersApiEvenWhenTheyBundleTheirOwnCopy() throws IOException {
        install(bundlingApi);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            assertThat(registry.plugin("careless").orElseThrow().state()).isEqualTo(State.STARTED);
            assertThat(registry.extensions(Platform.SNAPCHAT, PlatformInfo.class)).singleElement()
                    .extracting(info -> info.descriptor().connectorId()).isEqualTo("careless-snap");
        }
    }

    @Test
    void failsAPluginWhoseDependencyIsMissingAndStartsTheOthers() throws IOException {
        install(needsAbsentPlugin, good);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            InstalledPlugin needy = registry.plugin("needs-absent").orElseThrow();
            assertThat(needy.state()).isEqualTo(State.FAILED);
            assertThat(needy.error()).isEqualTo("its dependencies could not be resolved: absent@*");
            assertThat(registry.plugin("good").orElseThrow().state()).isEqualTo(State.STARTED);
        }
    }

    @Test
    void failsAPluginWhoseDependencyDidNotStartEvenWhenItsFileComesFirst() throws IOException {
        install(needsThrowingPlugin, throwingOnStart);

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            assertThat(registry.plugins()).extracting(InstalledPlugin::id, InstalledPlugin::state, InstalledPlugin::error)
                    .containsExactly(
                            tuple("a-needs-throwing", State.FAILED,
                                    "depends on plugin 'throws-on-start', which did not start"),
                            tuple("throws-on-start", State.FAILED, "licence server unreachable"));
        }
    }

    @Test
    void stopsStartedPluginsOnClose() throws IOException {
        Path marker = plugins.resolveSibling(plugins.getFileName() + "-stopped.marker");
        TestPlugins.stoppable(marker).writeTo(plugins.resolve("stoppable.jar"));
        install(good);
        PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION);
        assertThat(registry.plugin("stoppable").orElseThrow().state()).isEqualTo(State.STARTED);

        registry.close();

        assertThat(marker).hasContent("stopped");
        assertThat(registry.extensions(Platform.META, SignalCollector.class)).isEmpty();
        registry.close();
    }

    @Test
    void runsWithoutPluginsWhenTheDirectoryDoesNotExist() {
        try (PluginRegistry registry = new PluginRegistry(plugins.resolve("absent"), PluginApi.VERSION)) {
            assertThat(registry.plugins()).isEmpty();
            assertThat(registry.connectors()).isEmpty();
        }
    }

    @Test
    void ignoresFilesThatAreNotPlugins() throws IOException {
        install(good);
        Files.writeString(plugins.resolve("README.txt"), "drop plugin jars here");
        Files.writeString(plugins.resolve(".hidden.jar"), "editor swap file");

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            assertThat(registry.plugins()).extracting(InstalledPlugin::id).containsExactly("good");
        }
    }

    private void install(Path... pluginJars) throws IOException {
        for (Path jar : pluginJars) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
    }
}
