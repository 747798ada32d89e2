package ai.stratum.sandbox.platform;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * One simulated platform on its own port, as the real one is on its own host. For each API request:
 * a queued fault first (a latency fault delays, then the request goes on), then the access token
 * (an expired, revoked or unknown one gets the platform's own error), then the emulator. Requests
 * under {@code /_sandbox/} are the admin API ({@link AdminApi}).
 */
public final class PlatformServer implements AutoCloseable {

    static {
        // The JDK's server leaves Nagle's algorithm on unless told otherwise (read once, when its first
        // server starts): a response written in two parts then waits for the client's delayed ACK, about
        // 40 ms a request, which would make the simulated platforms, not the plugins, set a sync's pace.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PlatformEmulator emulator;
    private final PlatformState state;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminApi admin;
    private final LongAdder requests = new LongAdder();
    private final LongAdder answeringNanos = new LongAdder();
    private final LongAdder answeringCpuNanos = new LongAdder();
    private final LongAdder sendingNanos = new LongAdder();
    private final LongAdder bytesServed = new LongAdder();

    /**
     * @param emulator the platform's API
     * @param state    its accounts, tokens and faults
     * @param host     the address to listen on
     * @param port     the port, 0 for any free one
     */
    public PlatformServer(PlatformEmulator emulator, PlatformState state, String host, int port) {
        this.emulator = emulator;
        this.state = state;
        this.admin = new AdminApi(state);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + emulator.platform().id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for "
                    + emulator.platform().id(), e);
        }
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    /** @return {@code http://host:port} */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    /** @return the platform's state */
    public PlatformState state() {
        return state;
    }

    /** @return the platform's emulator */
    public PlatformEmulator emulator() {
        return emulator;
    }

    /** @return the API requests answered so far and the time spent on them */
    public ServedRequests served() {
        return new ServedRequests(requests.sum(), Duration.ofNanos(answeringNanos.sum()), Duration.ofNanos(answeringCpuNanos.sum()),
                Duration.ofNanos(sendingNanos.sum()), bytesServed.sum());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    ApiResponse answer(ApiRequest request) {
        if (request.path().startsWith(AdminApi.PREFIX)) {
            return admin.handle(request);
        }
        try {
            if (!emulator.isOAuth(request)) {
                Optional<ApiResponse> refused = faultOrTokenError(request);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            return emulator.handle(request, state);
        } catch (Json.BadRequest e) {
            return emulator.badRequest(e.getMessage());
        }
    }

    private Optional<ApiResponse> faultOrTokenError(ApiRequest request) {
        Optional<String> token = emulator.accessToken(request);
        Optional<Fault> fault = state.faults().take();
        if (fault.isPresent()) {
            Fault shown = fault.get();
            if (shown instanceof Fault.Latency latency) {
                sleep(latency.delay().toMillis());
            } else if (shown instanceof Fault.TokenExpired) {
                token.ifPresent(state.tokens()::expire);
            } else if (shown instanceof Fault.TokenRevoked) {
                token.ifPresent(state.tokens()::revoke);
            } else {
                return Optional.of(emulator.fault(shown, request));
            }
        }
        return switch (state.tokens().check(token.orElse(null))) {
            case VALID -> Optional.empty();
            case EXPIRED -> Optional.of(emulator.fault(new Fault.TokenExpired(), request));
            case REVOKED, UNKNOWN -> Optional.of(emulator.fault(new Fault.TokenRevoked(), request));
        };
    }

    private void exchange(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        try (exchange) {
            ApiRequest request = read(exchange);
            ApiResponse response = answer(request);
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            long answered = System.nanoTime();
            long answeredCpu = THREADS.getCurrentThreadCpuTime();
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            if (!request.path().startsWith(AdminApi.PREFIX)) {
                requests.increment();
                answeringNanos.add(answered - started);
                answeringCpuNanos.add(answeredCpu - startedCpu);
                sendingNanos.add(System.nanoTime() - answered);
                bytesServed.add(body.length);
            }
        } catch (IOException e) {
            // the client went away (it timed out under a latency fault); there is no one to answer
        }
    }

    private static ApiRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        return new ApiRequest(exchange.getRequestMethod(), uri.getPath(), decodeQuery(uri.getRawQuery()), headers, body);
    }

    private static Map<String, String> decodeQuery(String raw) {
        return raw == null ? Map.of() : new ApiRequest("GET", "/", Map.of(), Map.of(), raw).form();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
