package ai.stratum.plugin.testkit;

import ai.stratum.connector.host.HttpTransports;
import ai.stratum.connector.host.TransportPolicy;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.PlatformEndpoints;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds the {@link ConnectorContext} a plugin receives, with the host's own HTTP transport (so
 * retries, Retry-After and timeouts behave as in production) on delays short enough for tests.
 */
public final class TestContexts {

    /** The host's policy with millisecond backoffs, a 2 s request timeout and Retry-After waited up to 3 s. */
    public static final TransportPolicy TEST_POLICY = TransportPolicy.defaults()
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
            .withMaxRetries(2)
            .withRequestTimeout(Duration.ofSeconds(2))
            .withMaxRetryAfter(Duration.ofSeconds(3))
            .withRequestsPerSecond(10_000);

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "testkit-http");
        thread.setDaemon(true);
        return thread;
    });

    private static final Map<List<Object>, HttpTransports> SHARED = new ConcurrentHashMap<>();

    private final HttpTransports transports;
    private final Clock clock;

    /**
     * @param policy the transport policy
     * @param clock  the clock the context hands the plugin
     */
    public TestContexts(TransportPolicy policy, Clock clock) {
        // one per policy and clock for the whole test run: each holds an HTTP client and timer threads
        this.transports = SHARED.computeIfAbsent(List.of(policy, clock), key -> new HttpTransports(policy, EXECUTOR, clock));
        this.clock = clock;
    }

    /** @return contexts on {@link #TEST_POLICY} and the system clock */
    public static TestContexts standard() {
        return new TestContexts(TEST_POLICY, Clock.systemUTC());
    }

    /**
     * @param endpoints   where the platform is, for example {@link WireServer#endpoints()}
     * @param credentials the connection's credentials
     * @param telemetry   where the plugin logs and counts
     * @return a context for one call on one account
     */
    public ConnectorContext context(PlatformEndpoints endpoints, Credentials credentials, RecordingTelemetry telemetry) {
        return new ConnectorContext(credentials, endpoints, transports.forAccount("test", telemetry), clock, telemetry);
    }

    /** @return {@link #context(PlatformEndpoints, Credentials, RecordingTelemetry)} with fresh telemetry */
    public ConnectorContext context(PlatformEndpoints endpoints, Credentials credentials) {
        return context(endpoints, credentials, new RecordingTelemetry());
    }
}
