package ai.stratum.plugin.testkit;

import ai.stratum.plugin.api.PlatformEndpoints;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local HTTP server that answers as a platform does, for testing a plugin at the wire: register
 * the platform's real responses (the fixtures) for a method, path and query, queue one-off answers
 * (a rate-limit error, a 500, a malformed body) in front of them, and assert on what the plugin sent.
 *
 * <pre>{@code
 * try (WireServer platform = WireServer.start()) {
 *     platform.on("GET", "/v25.0/act_1/campaigns").respond(WireResponse.json(200, Fixtures.read("meta/campaigns.list.json")));
 *     platform.once("GET", "/v25.0/act_1/campaigns").respond(WireResponse.json(400, Fixtures.read("meta/error.17-user-request-limit.json")));
 *     // point the plugin at platform.endpoints() ...
 * }
 * }</pre>
 *
 * A request nothing matches gets a 404 whose body names it, and is listed in {@link #unmatched()}.
 */
public final class WireServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "wire-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Route> routes = new ArrayList<>();
    private final Deque<Route> oneOffs = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<RecordedRequest> unmatched = new ArrayList<>();

    private WireServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** @return a started server on a free local port */
    public static WireServer start() {
        return new WireServer();
    }

    /** @return {@code http://127.0.0.1:<port>}, the scheme, host and port a plugin's base URL takes */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return endpoints with the API, authorization and token base URLs all at this server */
    public PlatformEndpoints endpoints() {
        return new PlatformEndpoints(baseUrl(), baseUrl(), baseUrl());
    }

    /**
     * Answers every matching request the same way, until a later {@code on} for the same request
     * takes over.
     *
     * @param method the HTTP method
     * @param path   the exact decoded path
     * @return the route to give a response
     */
    public RouteBuilder on(String method, String path) {
        return new RouteBuilder(method, path, false);
    }

    /**
     * Answers the next matching request only; one-off answers are used in the order queued and
     * before any {@link #on} route.
     *
     * @param method the HTTP method
     * @param path   the exact decoded path
     * @return the route to give a response
     */
    public RouteBuilder once(String method, String path) {
        return new RouteBuilder(method, path, true);
    }

    /** @return every request received so far, in order */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the requests received so far for a method and path */
    public synchronized List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** @return the requests no route matched */
    public synchronized List<RecordedRequest> unmatched() {
        return List.copyOf(unmatched);
    }

    /** Forgets the recorded requests, keeping the routes. */
    public synchronized void clearRequests() {
        requests.clear();
        unmatched.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        WireResponse response;
        synchronized (this) {
            requests.add(request);
            response = match(request);
            if (response == null) {
                unmatched.add(request);
                response = WireResponse.json(404, "{\"wire_server\":\"no route for " + request.method() + " "
                        + request.path() + "\"}");
            }
        }
        if (!response.delay().isZero()) {
            try {
                Thread.sleep(response.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = response.bodyBytes();
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout under test); nothing to answer
        } finally {
            exchange.close();
        }
    }

    private WireResponse match(RecordedRequest request) {
        for (var iterator = oneOffs.iterator(); iterator.hasNext(); ) {
            Route route = iterator.next();
            if (route.matches(request)) {
                iterator.remove();
                return route.response();
            }
        }
        for (int i = routes.size() - 1; i >= 0; i--) {
            if (routes.get(i).matches(request)) {
                return routes.get(i).response();
            }
        }
        return null;
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        return new RecordedRequest(exchange.getRequestMethod(), uri.getPath(),
                RecordedRequest.decodePairs(uri.getRawQuery()), headers, body);
    }

    private record Route(String method, String path, Predicate<RecordedRequest> condition, WireResponse response) {
        boolean matches(RecordedRequest request) {
            return method.equals(request.method()) && path.equals(request.path()) && condition.test(request);
        }
    }

    /** Completes a route: an optional condition on the request, then the response. */
    public final class RouteBuilder {

        private final String method;
        private final String path;
        private final boolean once;
        private Predicate<RecordedRequest> condition = request -> true;

        private RouteBuilder(String method, String path, boolean once) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
            this.once = once;
        }

        /**
         * @param name  a query parameter
         * @param value the value it must have
         * @return this builder, matching only requests with that parameter value
         */
        public RouteBuilder withQuery(String name, String value) {
            return when(request -> value.equals(request.query().get(name)));
        }

        /**
         * @param name a query parameter
         * @return this builder, matching only requests without that parameter
         */
        public RouteBuilder withoutQuery(String name) {
            return when(request -> !request.query().containsKey(name));
        }

        /**
         * @param extra a further condition on the request
         * @return this builder
         */
        public RouteBuilder when(Predicate<RecordedRequest> extra) {
            condition = condition.and(extra);
            return this;
        }

        /** @param response what to answer */
        public void respond(WireResponse response) {
            Route route = new Route(method, path, condition, Objects.requireNonNull(response, "response"));
            synchronized (WireServer.this) {
                if (once) {
                    oneOffs.add(route);
                } else {
                    routes.add(route);
                }
            }
        }
    }
}
