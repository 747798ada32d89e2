package ai.stratum.plugin.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The HTTP client the host lends your connector. Send every platform request through it: the
 * host owns timeouts, retries with jittered backoff, {@code Retry-After}, per-account rate limits,
 * connection pooling and metrics, so your connector holds none of that logic.
 *
 * <p>The transport handed to you in a {@link ConnectorContext} is bound to that call's
 * connection: its rate limits are that account's.
 *
 * <p>What the host absorbs and what reaches you:
 * <ul>
 *   <li>Timeouts, connection failures and 5xx answers are retried a bounded number of times
 *       for {@linkplain Request#repeatable() repeatable} requests; when retries run out the stage
 *       fails with a {@link ConnectorException} of {@link ConnectorException.Failure#TRANSIENT}.</li>
 *   <li>An HTTP 429 with a {@code Retry-After} header is retried after that wait; when the wait
 *       would be too long, or retries run out, the stage fails with
 *       {@link ConnectorException.Failure#RATE_LIMITED} carrying the wait.</li>
 *   <li>An HTTP 429 without {@code Retry-After} is retried with backoff; when retries run out it
 *       reaches you as a response, so you can read the wait the platform put in its body and
 *       throw {@link ConnectorException#rateLimited} with it.</li>
 *   <li>Every other answer, including 4xx and platform errors inside a 200, completes the stage
 *       normally: your connector reads it and, where the platform signals a rate limit, an expired
 *       or revoked token or a rejected request in its own way, throws the matching
 *       {@link ConnectorException}.</li>
 * </ul>
 */
public interface HttpTransport {

    /**
     * Sends a request.
     *
     * @param request the request
     * @return the response, or a stage failed with a {@link ConnectorException} as described above
     */
    CompletionStage<Response> send(Request request);

    /**
     * An HTTP request to a platform. Bodies are text (JSON or form-encoded), UTF-8.
     *
     * @param method     the HTTP method: GET, POST, PUT, PATCH or DELETE
     * @param uri        the absolute URL, built from the {@link PlatformEndpoints} of the context
     * @param headers    request headers; the host adds none that you set
     * @param body       the body, empty for none
     * @param repeatable whether sending it twice has the effect of sending it once, so the host
     *                   may retry it after a timeout or 5xx
     */
    record Request(String method, URI uri, Map<String, String> headers, String body, boolean repeatable) {

        private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

        /**
         * Creates a request.
         *
         * @param method the HTTP method: GET, POST, PUT, PATCH or DELETE
         * @param uri the absolute URL, built from the {@link PlatformEndpoints} of the context
         * @param headers request headers; the host adds none that you set
         * @param body the body, empty for none
         * @param repeatable whether sending it twice has the effect of sending it once, so the host may retry it after a timeout or 5xx
         * @throws IllegalArgumentException for an unsupported method or a relative URL
         */
        public Request {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(body, "body");
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("unsupported HTTP method: " + method);
            }
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("request URL must be absolute: " + uri);
            }
            headers = Map.copyOf(headers);
        }

        /**
         * A GET request, which is repeatable.
         *
         * @param uri the URL
         * @return the request
         */
        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of(), "", true);
        }

        /**
         * A POST request, not repeatable unless marked with {@link #asRepeatable()}.
         *
         * @param uri         the URL
         * @param contentType the body's media type, for example {@code application/json}
         * @param body        the body
         * @return the request
         */
        public static Request post(URI uri, String contentType, String body) {
            return new Request("POST", uri, Map.of("Content-Type", contentType), body, false);
        }

        /**
         * This request with one more header.
         *
         * @param name  the header name
         * @param value the header value
         * @return a new request
         */
        public Request withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(method, uri, copy, body, repeatable);
        }

        /**
         * This request marked repeatable, for writes that set absolute values (a budget to an
         * amount, a status to PAUSED) and so may safely be sent again.
         *
         * @return a new request
         */
        public Request asRepeatable() {
            return new Request(method, uri, headers, body, true);
        }

        /**
         * Shows the method and the URL without its query: headers carry tokens, and some platforms
         * take secrets, codes and tokens as query parameters, so neither may reach a log.
         *
         * @return for example {@code GET https://graph.facebook.com/v25.0/me}
         */
        @Override
        public String toString() {
            String query = uri.getRawQuery() == null ? "" : "?…";
            return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + query;
        }
    }

    /**
     * An HTTP response from a platform.
     *
     * @param status  the HTTP status code
     * @param headers the response headers, names as received
     * @param body    the body as UTF-8 text, empty for none
     */
    record Response(int status, Map<String, List<String>> headers, String body) {

        /**
         * Creates a response.
         *
         * @param status the HTTP status code
         * @param headers the response headers, names as received
         * @param body the body as UTF-8 text, empty for none
         */
        public Response {
            Objects.requireNonNull(body, "body");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Map.copyOf(copy);
        }

        /**
         * The first value of a header, the name matched without regard to case.
         *
         * @param name the header name, for example {@code x-business-use-case-usage}
         * @return the value, or empty when the header is absent
         */
        public Optional<String> header(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        /**
         * Whether the status is 2xx. Some platforms (TikTok) report errors inside a 200, so
         * check the body too.
         *
         * @return true for 200 to 299
         */
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }
}
