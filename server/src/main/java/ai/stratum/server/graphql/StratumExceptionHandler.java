package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what a data fetcher threw into a client error: {@link ApiException}s keep their message
 * and code; anything else is logged here with its stack trace and shown only as INTERNAL.
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
        RequestContext request = parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestContext.class);
        String requestId = request == null ? "unknown" : request.requestId();
        LOG.error("event=graphql_fetch_failed requestId={} path={}", requestId, path, failure);
        return done(ErrorMapping.internal(requestId, path, location));
    }

    private static CompletableFuture<DataFetcherExceptionHandlerResult> done(graphql.GraphQLError error) {
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
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
