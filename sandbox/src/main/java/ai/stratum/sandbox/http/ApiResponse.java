package ai.stratum.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a simulated platform answers.
 *
 * @param status  the HTTP status
 * @param headers response headers
 * @param body    the body, UTF-8
 */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public ApiResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** @return a JSON response */
    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json; charset=UTF-8"), json);
    }

    /** @return this response with one more header */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }
}
