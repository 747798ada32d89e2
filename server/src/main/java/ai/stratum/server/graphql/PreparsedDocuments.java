package ai.stratum.server.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each distinct query text once: clients send the same few queries again and again
 * with different variables, and parsing plus validating them costs more than executing a small one.
 * The entry holds the parsed document or its syntax and validation errors, so an invalid query is
 * refused the same way every time. Depth and complexity limits are checked at execution, so they still
 * apply to every request. Bounded to the most recent {@value #MAX_QUERIES} query texts.
 */
final class PreparsedDocuments implements PreparsedDocumentProvider {

    static final int MAX_QUERIES = 2_000;

    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_QUERIES).build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                     Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
    }
}
