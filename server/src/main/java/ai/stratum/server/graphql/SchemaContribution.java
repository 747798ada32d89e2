package ai.stratum.server.graphql;

import graphql.schema.idl.RuntimeWiring;

/**
 * A feature's part of the GraphQL runtime wiring. Each feature package declares one
 * {@code @Singleton} implementation that registers the data fetchers for the fields its
 * {@code schema/*.graphqls} file declares; the schema factory collects all of them.
 */
@FunctionalInterface
public interface SchemaContribution {

    void contribute(RuntimeWiring.Builder wiring);
}
