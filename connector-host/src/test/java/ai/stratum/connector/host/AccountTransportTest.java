package ai.stratum.connector.host;

import ai.stratum.connector.host.ScriptedServer.Answer;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.HttpTransport.Request;
import ai.stratum.plugin.api.HttpTransport.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class AccountTransportTest {

    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(4);
    private static final TransportPolicy FAST = TransportPolicy.defaults()
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
            .withMaxRetries(2)
            .withRequestTimeout(Duration.ofMillis(500))
            .withMaxRetryAfter(Duration.ofSeconds(5))
            .withRequestsPerSecond(1000);

    private final RecordingTelemetry telemetry = new RecordingTelemetry();

    @AfterAll
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    private HttpTransport transport(TransportPolicy policy) {
        return new HttpTransports(policy, EXECUTOR, Clock.systemUTC()).forAccount("meta:act_1", telemetry);
    }

    private static Response send(HttpTransport transport, Request request) {
        return transport.send(request).toCompletableFuture().join();
    }

    private static ConnectorException failure(HttpTransport transport, Request request) {
        Throwable thrown = catchThrowable(() -> send(transport, request));
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectorException.class);
        return (ConnectorException) thrown.getCause();
    }

    @Test
    void retriesServerErrorsOfARepeatableRequestUntilOneSucceeds() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(503, ""), Answer.of(502, ""), Answer.of(200, "ok"))) {
            Response response = send(transport(FAST), Request.get(server.uri("/v1/campaigns")));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok");
            assertThat(server.received()).hasSize(3);
            assertThat(telemetry.count("connector.http.retries")).isEqualTo(2);
        }
    }

    @Test
    void failsAsTransientWhenServerErrorsOutlastTheRetries() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(500, "boom"))) {
            ConnectorException failure = failure(transport(FAST), Request.get(server.uri("/x")));

            assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.TRANSIENT);
            assertThat(failure).hasMessageContaining("HTTP 500");
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void neverResendsANonRepeatableRequestAfterAServerError() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(503, ""), Answer.of(200, "ok"))) {
            Request post = Request.post(server.uri("/x"), "application/json", "{}");

            ConnectorException failure = failure(transport(FAST), post);

            assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.TRANSIENT);
            assertThat(failure).hasMessageContaining("not repeatable");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void waitsOutRetryAfterAndNeverRetriesSooner() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(429, "").withHeader("Retry-After", "1"),
                Answer.of(200, "ok"))) {
            Request post = Request.post(server.uri("/x"), "application/json", "{}");

            Response response = send(transport(FAST), post);

            assertThat(response.status()).isEqualTo(200);
            var received = server.received();
            assertThat(received).hasSize(2);
            assertThat(Duration.ofNanos(received.get(1).atNanos() - received.get(0).atNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void handsBackARetryAfterLongerThanThePolicyAllowsWithoutWaiting() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(429, "").withHeader("Retry-After", "600"))) {
            ConnectorException failure = failure(transport(FAST), Request.get(server.uri("/x")));

            assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(600));
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void failsAsRateLimitedWhenATimedRateLimitOutlastsTheRetries() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(429, "").withHeader("Retry-After", "0"))) {
            ConnectorException failure = failure(transport(FAST), Request.get(server.uri("/x")));

            assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ZERO);
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void handsAnUntimedRateLimitToThePluginOnceTheRetriesRunOut() {
        String body = "{\"error\":{\"status\":\"RESOURCE_EXHAUSTED\",\"retryDelay\":\"30s\"}}";
        try (ScriptedServer server = new ScriptedServer(Answer.of(429, body))) {
            Response response = send(transport(FAST), Request.get(server.uri("/x")));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.body()).isEqualTo(body);
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void retriesATimedOutRepeatableRequest() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(200, "slow").delayedBy(1_500), Answer.of(200, "ok"))) {
            Response response = send(transport(FAST), Request.get(server.uri("/x")));

            assertThat(response.body()).isEqualTo("ok");
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void handsClientErrorsToThePluginUntouched() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(400, "{\"error\":{\"code\":100}}")
                .withHeader("X-Business-Use-Case-Usage", "{}"))) {
            Response response = send(transport(FAST), Request.get(server.uri("/x")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":100");
            assertThat(response.header("x-business-use-case-usage")).contains("{}");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void sendsMethodHeadersAndBodyAsGiven() {
        try (ScriptedServer server = new ScriptedServer(Answer.of(200, "{}"))) {
            Request request = Request.post(server.uri("/v25.0/123"), "application/x-www-form-urlencoded", "status=PAUSED")
                    .withHeader("Authorization", "Bearer t0k3n");

            send(transport(FAST), request);

            var received = server.received().get(0);
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.path()).isEqualTo("/v25.0/123");
            assertThat(received.body()).isEqualTo("status=PAUSED");
            assertThat(received.headers().get("Authorization")).containsExactly("Bearer t0k3n");
            assertThat(received.headers().get("Content-type")).containsExactly("application/x-www-form-urlencoded");
        }
    }

    @Test
    void reportsAnUnreachablePlatformAsTransient() {
        ConnectorException failure = failure(transport(FAST.withMaxRetries(1)),
                Request.get(URI.create("http://127.0.0.1:1/unreachable")));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.TRANSIENT);
        assertThat(failure).hasMessageContaining("could not reach the platform");
    }
}
