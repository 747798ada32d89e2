package ai.stratum.server.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posts to the tracking API ({@code /v1/*}) over real HTTP, as an analytics SDK does. */
public final class TrackingClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public TrackingClient(URI base) {
        this.base = base;
    }

    /** Authorization as Segment's server SDKs send it: Basic base64(writeKey:). */
    public static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String writeKey, String call, String json) {
        return post(call, json.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", basic(writeKey), "Content-Type", "application/json"));
    }

    public Response post(String call, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/" + call))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response options(String call, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/" + call))
                .timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), new TypeReference<>() { });
            return new Response(response.statusCode(), body, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status and decoded JSON body. */
    public record Response(int status, Map<String, Object> body, Map<String, List<String>> headers) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        }

        public int number(String field) {
            return ((Number) body.get(field)).intValue();
        }

        public String header(String name) {
            Map<String, List<String>> lowerCased = new LinkedHashMap<>();
            headers.forEach((key, values) -> lowerCased.put(key.toLowerCase(), values));
            List<String> values = lowerCased.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
