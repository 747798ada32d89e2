package ai.stratum.server.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/** Executes GraphQL requests for both transports, with the request's context attached. */
@Singleton
public class GraphQLService {

    private final GraphQL graphQL;
    private final List<DataLoaderContribution> dataLoaders;

    public GraphQLService(GraphQL graphQL, List<DataLoaderContribution> dataLoaders) {
        this.graphQL = graphQL;
        this.dataLoaders = dataLoaders;
    }

    public Mono<ExecutionResult> execute(GraphQLRequest request, RequestContext context) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .extensions(request.extensions())
                .graphQLContext(builder -> builder.put(RequestContext.class, context))
                .dataLoaderRegistry(dataLoaders(context))
                .build();
        return Mono.fromFuture(() -> graphQL.executeAsync(input));
    }

    private DataLoaderRegistry dataLoaders(RequestContext context) {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        dataLoaders.forEach(contribution -> contribution.register(registry, context));
        return registry;
    }

    /**
     * The kind of operation a document would run, when it can be told without executing: empty for
     * a document that does not parse or names no operation it contains (execution reports those).
     */
    public static Optional<OperationDefinition.Operation> operationKind(GraphQLRequest request) {
        Document document;
        try {
            document = Parser.parse(request.query());
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        var operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (request.operationName() == null) {
            return operations.size() == 1 ? Optional.of(operations.get(0).getOperation()) : Optional.empty();
        }
        return operations.stream()
                .filter(operation -> request.operationName().equals(operation.getName()))
                .map(OperationDefinition::getOperation)
                .findFirst();
    }
}
