package ai.stratum.connector.host;

import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.Telemetry;
import dev.failsafe.RateLimiter;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Hands out the {@link HttpTransport}s plugins send their platform requests through: one shared
 * JDK HTTP client (connection pooling, HTTP/2), and one transport per connected account, bound to
 * that account's rate limit. Safe to share; create one per host.
 */
public final class HttpTransports implements AutoCloseable {

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final TransportPolicy policy;
    private final Clock clock;
    private final ConcurrentMap<String, RateLimiter<HttpTransport.Response>> limiters = new ConcurrentHashMap<>();

    /**
     * @param policy   timeouts, retries and rate limits
     * @param executor runs the HTTP client's work and the retries' continuations; a bounded pool
     *                 named for connector I/O, never an event loop
     * @param clock    measures {@code Retry-After} dates
     */
    public HttpTransports(TransportPolicy policy, Executor executor, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Failsafe schedules retry delays and rate-limit waits here; the work it runs is only handing a
        // request to the HTTP client, which never blocks, so two threads serve every account
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "connector-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Objects.requireNonNull(executor, "executor"))
                .build();
    }

    /**
     * @param accountKey identifies the account whose rate limit the requests count against, for
     *                   example {@code meta:act_123}
     * @param telemetry  where retries and failures are counted
     * @return a transport for one account's calls
     */
    public HttpTransport forAccount(String accountKey, Telemetry telemetry) {
        RateLimiter<HttpTransport.Response> limiter = limiters.computeIfAbsent(accountKey, key ->
                RateLimiter.<HttpTransport.Response>smoothBuilder(policy.requestsPerSecond(),
                                java.time.Duration.ofSeconds(1))
                        .withMaxWaitTime(policy.requestTimeout())
                        .build());
        return new AccountTransport(client, scheduler, policy, limiter, clock,
                telemetry, accountKey);
    }

    /** Stops the retry timer; transports handed out fail their retries after this. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** @return the policy the transports follow */
    public TransportPolicy policy() {
        return policy;
    }
}
