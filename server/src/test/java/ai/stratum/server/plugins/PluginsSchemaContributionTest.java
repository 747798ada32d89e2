package ai.stratum.server.plugins;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.PluginApi;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code Query.plugins} against schema/plugins.graphqls as shipped, wired by the contribution. */
class PluginsSchemaContributionTest {

    private static final String QUERY = """
            { plugins { id version state extensions error file
                        connectors { id kind platform system displayName apiVersion supportedActions } } }
            """;

    @TempDir
    Path plugins;

    @Test
    void listsStartedAndFailedPluginsWithTheirConnectors() throws IOException {
        TestPlugins.connectorPlugin("good", "good-meta", "META").writeTo(plugins.resolve("good.jar"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");

        try (PluginRegistry registry = new PluginRegistry(plugins, PluginApi.VERSION)) {
            ExecutionResult result = graphQl(registry).execute(QUERY);

            assertThat(result.getErrors()).isEmpty();
            Map<String, List<Map<String, Object>>> data = result.getData();
            List<Map<String, Object>> listed = data.get("plugins");
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0)).isEqualTo(Map.of(
                    "id", "broken.jar", "version", "unknown", "state", "FAILED", "extensions", List.of(),
                    "error", "broken.jar is not a readable jar (zip END header not found)",
                    "file", "broken.jar", "connectors", List.of()));
            assertThat(listed.get(1))
                    .containsEntry("id", "good")
                    .containsEntry("version", "1.2.3")
                    .containsEntry("state", "STARTED")
                    .containsEntry("extensions", List.of("PlatformInfo", "SignalCollector"))
                    .containsEntry("error", null)
                    .containsEntry("file", "good.jar")
                    .containsEntry("connectors", List.of(Map.of(
                            "id", "good-meta", "kind", "AD_PLATFORM", "platform", "META", "system", "meta",
                            "displayName", "Test META", "apiVersion", "v9.9",
                            "supportedActions", List.of("PAUSE_ALL"))));
        }
    }

    private static GraphQL graphQl(PluginRegistry registry) throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse("type Query");
        try (InputStream sdl = PluginsSchemaContributionTest.class.getResourceAsStream("/schema/plugins.graphqls")) {
            assertThat(sdl).as("schema/plugins.graphqls on the classpath").isNotNull();
            types.merge(new SchemaParser().parse(new String(sdl.readAllBytes(), UTF_8)));
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        new PluginsSchemaContribution(registry).contribute(wiring);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        return GraphQL.newGraphQL(schema).build();
    }
}
