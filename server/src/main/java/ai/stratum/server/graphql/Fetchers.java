package ai.stratum.server.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Adapts reactive services to graphql-java's asynchronous data fetchers. */
public final class Fetchers {

    private Fetchers() {
    }

    /** A fetcher whose value comes from a {@link Mono}; exceptions thrown while building it fail the field. */
    public static <T> DataFetcher<CompletableFuture<T>> mono(Function<DataFetchingEnvironment, Mono<T>> body) {
        return environment -> Mono.defer(() -> body.apply(environment)).toFuture();
    }

    public static <T> DataFetcher<CompletableFuture<List<T>>> flux(Function<DataFetchingEnvironment, Flux<T>> body) {
        return environment -> Flux.defer(() -> body.apply(environment)).collectList().toFuture();
    }

    /**
     * A subscription field: graphql-java sends one event per element of the publisher. Checks that
     * throw while building it (authentication, roles, arguments) fail the operation up front, with
     * their own code, instead of surfacing later as a broken stream.
     */
    public static <T> DataFetcher<Publisher<T>> subscription(Function<DataFetchingEnvironment, Publisher<T>> body) {
        return body::apply;
    }
}
