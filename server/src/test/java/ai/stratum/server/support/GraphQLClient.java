package ai.stratum.server.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Talks to {@code /graphql} over real HTTP, as a frontend would. */
public final class GraphQLClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Map<String, String> headers;

    public GraphQLClient(URI base) {
        this(base, Map.of());
    }

    private GraphQLClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    public GraphQLClient withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public GraphQLClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphQLClient(base, more);
    }

    public Result execute(String query) {
        return execute(query, Map.of());
    }

    public Result execute(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return post(JSON.writeValueAsString(body), "application/json", "application/graphql-response+json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result post(String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    public Result get(String queryString, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/graphql?" + queryString))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private Result send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? Map.of() : JSON.readValue(response.body(), new TypeReference<>() { }),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and decoded body, with helpers to reach into it. */
    public record Result(int status, String contentType, Map<String, Object> body, Map<String, List<String>> headers) {

        @SuppressWarnings("unchecked")
        public <T> T data(String path) {
            Object current = body.get("data");
            for (String part : path.split("\\.")) {
                if (current == null) {
                    return null;
                }
                current = current instanceof List<?> list ? list.get(Integer.parseInt(part)) : ((Map<String, Object>) current).get(part);
            }
            return (T) current;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        }

        @SuppressWarnings("unchecked")
        public String errorCode() {
            if (errors().isEmpty()) {
                return null;
            }
            return (String) ((Map<String, Object>) errors().get(0).get("extensions")).get("code");
        }

        public String errorMessage() {
            return errors().isEmpty() ? null : (String) errors().get(0).get("message");
        }

        public Result assertNoErrors() {
            if (!errors().isEmpty()) {
                throw new AssertionError("Expected no errors but got " + errors());
            }
            return this;
        }
    }
}
