package ai.stratum.server.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.List;

/** Builds the executable schema from the SDL files and every feature's {@link SchemaContribution}. */
@Factory
public class GraphQLFactory {

    @Singleton
    GraphQLSchema schema(List<SchemaContribution> contributions) {
        SchemaParser parser = new SchemaParser();
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        SchemaFiles.load(GraphQLFactory.class.getClassLoader())
                .forEach((name, sdl) -> types.merge(parser.parse(sdl)));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        Scalars.all().forEach(wiring::scalar);
        contributions.forEach(contribution -> contribution.contribute(wiring));
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }

    @Singleton
    GraphQL graphQL(GraphQLSchema schema, GraphQLLimits limits) {
        var depth = new MaxQueryDepthInstrumentation(limits.maxDepth(), info -> {
            throw new AbortExecutionException("Query depth " + info.getDepth() + " exceeds the limit of "
                    + limits.maxDepth());
        });
        var complexity = new MaxQueryComplexityInstrumentation(limits.maxComplexity(), info -> {
            throw new AbortExecutionException("Query complexity " + info.getComplexity() + " exceeds the limit of "
                    + limits.maxComplexity() + " (one point per selected field)");
        });
        return GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(depth, complexity)))
                .preparsedDocumentProvider(new PreparsedDocuments())
                .defaultDataFetcherExceptionHandler(new StratumExceptionHandler())
                .build();
    }
}
