package ai.stratum.server.plugins;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/**
 * Wires {@code schema/plugins.graphqls}: {@code Query.plugins} reads the {@link PluginRegistry}
 * for any authenticated caller (plugins are server-wide; they hold no tenant's data).
 * Fields whose names differ from the Java records' are mapped here; the rest are read by
 * graphql-java's property fetcher.
 */
@Singleton
public class PluginsSchemaContribution implements SchemaContribution {

    private final PluginRegistry registry;

    public PluginsSchemaContribution(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type(TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("plugins", environment -> {
                    RequestContext.caller(environment);
                    return registry.plugins();
                }));
        wiring.type(TypeRuntimeWiring.newTypeWiring("PluginInfo")
                .dataFetcher("extensions", environment -> plugin(environment).extensionPoints()));
        wiring.type(TypeRuntimeWiring.newTypeWiring("ConnectorInfo")
                .dataFetcher("id", environment -> connector(environment).connectorId())
                .dataFetcher("platform", environment -> connector(environment).platform().orElse(null)));
    }

    private static InstalledPlugin plugin(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static ConnectorDescriptor connector(DataFetchingEnvironment environment) {
        return environment.getSource();
    }
}
