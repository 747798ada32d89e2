package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.ml.InvalidMlInputException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLFieldDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what a data fetcher threw into a client error: {@link ApiException}s keep their message
 * and code; the ML engine's {@link InvalidMlInputException}s become BAD_USER_INPUT naming the field;
 * anything else is logged here with its stack trace and shown only as INTERNAL.
 */
final class StratumExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StratumExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = unwrap(parameters.getException());
        var path = parameters.getPath();
        var location = parameters.getSourceLocation();
        if (failure instanceof ApiException api) {
            return done(ErrorMapping.fromApiException(api, path, location));
        }
        if (failure instanceof InvalidMlInputException invalid) {
            String field = argumentPath(parameters.getDataFetchingEnvironment().getFieldDefinition(), invalid.field());
            return done(ErrorMapping.fromApiException(ApiException.badInput(field, field + " " + invalid.getMessage()
                    .substring(invalid.field().length() + 2)), path, location));
        }
        RequestContext request = parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestContext.class);
        String requestId = request == null ? "unknown" : request.requestId();
        LOG.error("event=graphql_fetch_failed requestId={} path={}", requestId, path, failure);
        return done(ErrorMapping.internal(requestId, path, location));
    }

    private static CompletableFuture<DataFetcherExceptionHandlerResult> done(graphql.GraphQLError error) {
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    /**
     * The ML engine names the offending field by its path in the input it was given ({@code simulations},
     * {@code scenarios[1].name}); a client knows it by its path in the field's arguments. A path that
     * starts with one of the field's arguments is that already ({@code event}); otherwise it lies inside
     * the field's {@code input} argument.
     */
    static String argumentPath(GraphQLFieldDefinition field, String path) {
        String first = path.split("[.\\[]", 2)[0];
        if (field == null || field.getArgument(first) != null || field.getArgument("input") == null) {
            return path;
        }
        return "input." + path;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
