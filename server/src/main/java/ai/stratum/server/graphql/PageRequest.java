package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import graphql.schema.DataFetchingEnvironment;

import java.util.Optional;

/** {@code first} and {@code after} of a Relay connection field, validated. */
public record PageRequest(int first, Optional<PageCursor> after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(DataFetchingEnvironment environment) {
        Integer first = environment.getArgument("first");
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw ApiException.badInput("first", "'first' must be between 0 and " + MAX_SIZE + " (was " + size + ")");
        }
        return new PageRequest(size, PageCursor.decode("after", environment.getArgument("after")));
    }
}
