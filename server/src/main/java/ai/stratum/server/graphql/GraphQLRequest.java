package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;

import java.util.Map;

/**
 * One GraphQL-over-HTTP request, checked for shape: {@code query} a string, {@code operationName}
 * a string or null, {@code variables} and {@code extensions} objects or null.
 */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, Object> extensions) {

    public GraphQLRequest {
        variables = variables == null ? Map.of() : variables;
        extensions = extensions == null ? Map.of() : extensions;
    }

    /** From a decoded JSON body or from GET parameters (where variables/extensions are already decoded). */
    public static GraphQLRequest from(Map<String, ?> fields) {
        Object query = fields.get("query");
        if (query == null) {
            throw malformed("The request has no 'query'");
        }
        if (!(query instanceof String text) || text.isBlank()) {
            throw malformed("'query' must be a non-empty string");
        }
        Object operationName = fields.get("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            throw malformed("'operationName' must be a string or null");
        }
        return new GraphQLRequest(text, (String) operationName, object(fields, "variables"), object(fields, "extensions"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw malformed("'" + name + "' must be a JSON object or null");
    }

    static ApiException malformed(String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message);
    }
}
