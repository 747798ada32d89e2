package ai.stratum.server.plugins;

/**
 * The plugins the registry tests load: one well-behaved connector plugin, and one for each way a
 * plugin can go wrong. Sources are Java text compiled by {@link TestPluginJar}.
 */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * A plugin with a PlatformInfo and a SignalCollector for one ad-platform connector.
     *
     * @param pluginId    the plugin id, also its package name
     * @param connectorId the connector it describes
     * @param platform    a {@code Platform} constant name
     */
    static TestPluginJar connectorPlugin(String pluginId, String connectorId, String platform) {
        String pkg = "test." + pluginId.replace('-', '_');
        return TestPluginJar.plugin(pluginId)
                .pluginClass(pkg + ".ThePlugin")
                .source(pkg + ".ThePlugin", """
                        package %s;

                        public class ThePlugin extends org.pf4j.Plugin {
                        }
                        """.formatted(pkg))
                .source(pkg + ".Info", platformInfo(pkg, connectorId, platform))
                .source(pkg + ".Collector", collector(pkg, connectorId));
    }

    /** A plugin whose manifest names a Plugin-Class the jar does not contain. */
    static TestPluginJar missingPluginClass() {
        return TestPluginJar.plugin("missing-class").pluginClass("test.missing.NoSuchPlugin");
    }

    /** A plugin whose start() throws. */
    static TestPluginJar throwingOnStart() {
        return TestPluginJar.plugin("throws-on-start")
                .pluginClass("test.throwing.ThePlugin")
                .source("test.throwing.ThePlugin", """
                        package test.throwing;

                        public class ThePlugin extends org.pf4j.Plugin {
                            @Override
                            public void start() {
                                throw new IllegalStateException("licence server unreachable");
                            }
                        }
                        """);
    }

    /** A plugin that writes a marker file when stopped. */
    static TestPluginJar stoppable(java.nio.file.Path marker) {
        return TestPluginJar.plugin("stoppable")
                .pluginClass("test.stoppable.ThePlugin")
                .source("test.stoppable.ThePlugin", """
                        package test.stoppable;

                        public class ThePlugin extends org.pf4j.Plugin {
                            @Override
                            public void stop() {
                                try {
                                    java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "stopped");
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }
                        }
                        """.formatted(javaString(marker.toString())));
    }

    /** A plugin whose SignalCollector serves a connector no PlatformInfo describes. */
    static TestPluginJar orphanExtension() {
        return TestPluginJar.plugin("orphan")
                .pluginClass("test.orphan.ThePlugin")
                .source("test.orphan.ThePlugin", """
                        package test.orphan;

                        public class ThePlugin extends org.pf4j.Plugin {
                        }
                        """)
                .source("test.orphan.Collector", collector("test.orphan", "nobody-describes-me"));
    }

    private static String platformInfo(String pkg, String connectorId, String platform) {
        return """
                package %s;

                import ai.stratum.plugin.api.*;
                import java.util.EnumSet;
                import org.pf4j.Extension;

                @Extension
                public class Info implements PlatformInfo {
                    @Override
                    public ConnectorDescriptor descriptor() {
                        return ConnectorDescriptor.adPlatform("%s", Platform.%s, "Test %s", "v9.9",
                                PlatformEndpoints.of("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9"),
                                EnumSet.of(ActionType.PAUSE_ALL));
                    }
                }
                """.formatted(pkg, connectorId, platform, platform);
    }

    private static String collector(String pkg, String connectorId) {
        return """
                package %s;

                import ai.stratum.plugin.api.*;
                import java.time.Instant;
                import java.util.List;
                import java.util.Optional;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.CompletionStage;
                import org.pf4j.Extension;

                @Extension
                public class Collector implements SignalCollector {
                    @Override
                    public String connectorId() {
                        return "%s";
                    }

                    @Override
                    public CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor) {
                        return CompletableFuture.completedFuture(Page.last(List.of(
                                new Campaign("c-1", "Spring sale", EntityStatus.ACTIVE, "OUTCOME_SALES", List.of()))));
                    }

                    @Override
                    public CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(
                            ConnectorContext context, String accountId, DateRange range, String cursor) {
                        return CompletableFuture.completedFuture(Page.last(List.of()));
                    }

                    @Override
                    public CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId) {
                        return CompletableFuture.completedFuture(List.of());
                    }

                    @Override
                    public CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId) {
                        return CompletableFuture.completedFuture(Optional.empty());
                    }
                }
                """.formatted(pkg, connectorId);
    }

    private static String javaString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
