package ai.stratum.plugin.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link WireServer} answers: a status, headers and a body exactly as the platform would
 * send them, optionally after a delay (to provoke timeouts).
 *
 * @param status  the HTTP status
 * @param headers response headers
 * @param body    the body, UTF-8
 * @param delay   how long to wait before answering
 */
public record WireResponse(int status, Map<String, String> headers, String body, Duration delay) {

    public WireResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delay, "delay");
        headers = Map.copyOf(headers);
    }

    /**
     * @param status the HTTP status
     * @param json   a JSON body, for example a fixture's text
     * @return the response with {@code Content-Type: application/json}
     */
    public static WireResponse json(int status, String json) {
        return new WireResponse(status, Map.of("Content-Type", "application/json; charset=UTF-8"), json,
                Duration.ZERO);
    }

    /**
     * @param status the HTTP status
     * @param body   a body of any type
     * @return the response without a content type
     */
    public static WireResponse of(int status, String body) {
        return new WireResponse(status, Map.of(), body, Duration.ZERO);
    }

    /** @return this response with one more header */
    public WireResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WireResponse(status, copy, body, delay);
    }

    /** @return this response sent only after the delay */
    public WireResponse delayedBy(Duration wait) {
        return new WireResponse(status, headers, body, wait);
    }

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
