package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every error a client sees exactly one {@code extensions.code} from {@link ErrorCode}.
 * Messages of unexpected failures are replaced: no stack trace, class name or SQL reaches a client.
 */
public final class ErrorMapping {

    private ErrorMapping() {
    }

    public static GraphQLError fromApiException(ApiException e, ResultPath path, SourceLocation location) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", e.code().name());
        e.field().ifPresent(field -> extensions.put("field", field));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(e.getMessage())
                .extensions(extensions);
        if (path != null) {
            builder.path(path);
        }
        if (location != null) {
            builder.location(location);
        }
        return builder.build();
    }

    public static GraphQLError internal(String requestId, ResultPath path, SourceLocation location) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message("Internal error; quote request id " + requestId + " when reporting it")
                .extensions(Map.of("code", ErrorCode.INTERNAL.name()));
        if (path != null) {
            builder.path(path);
        }
        if (location != null) {
            builder.location(location);
        }
        return builder.build();
    }

    public static GraphQLError requestError(ErrorCode code, String message) {
        return GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code.name())).build();
    }

    /**
     * The errors as the response carries them: each with a code, and without graphql-java's own
     * {@code classification}, which names Java-side categories a client has no use for.
     */
    public static List<Map<String, Object>> specification(List<GraphQLError> errors) {
        return withCodes(errors).stream().map(ErrorMapping::specification).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> specification(GraphQLError error) {
        Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
        Object extensions = spec.get("extensions");
        if (extensions instanceof Map<?, ?> map) {
            Map<String, Object> cleaned = new LinkedHashMap<>((Map<String, Object>) map);
            cleaned.remove("classification");
            spec.put("extensions", cleaned);
        }
        return spec;
    }

    /** Adds a code to errors graphql-java raised itself (syntax, validation, coercion, limits). */
    public static List<GraphQLError> withCodes(List<GraphQLError> errors) {
        return errors.stream().map(ErrorMapping::withCode).toList();
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.containsKey("code")) {
            return error;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        if (extensions != null) {
            merged.putAll(extensions);
        }
        merged.put("code", codeFor(error).name());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(merged)
                .build();
    }

    private static ErrorCode codeFor(GraphQLError error) {
        if (error instanceof AbortExecutionException) {
            return ErrorCode.BAD_USER_INPUT;
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError
                || type == ErrorType.OperationNotSupported || type == ErrorType.ExecutionAborted) {
            return ErrorCode.BAD_USER_INPUT;
        }
        return ErrorCode.INTERNAL;
    }
}
