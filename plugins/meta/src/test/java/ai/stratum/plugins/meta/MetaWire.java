package ai.stratum.plugins.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.RecordingTelemetry;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A Meta Graph API at the wire (the test kit's server) and contexts pointing the plugin at it. */
final class MetaWire implements AutoCloseable {

    /** The ad account of the fixtures. */
    static final String ACCOUNT_ID = "102938475610293";
    static final String ACCOUNT = "/v25.0/act_" + ACCOUNT_ID;
    static final String TOKEN = "EAAGm0PX4ZCpsBAKtestTokenDoNotUse";
    /** 2026-09-15 10:00 in Los Angeles, the day after the fixtures' date range. */
    static final Instant NOW = Instant.parse("2026-09-15T17:00:00Z");
    /** The account lookup: currency and time zone, the two fields Meta's AdAccount reference documents. */
    static final String ACCOUNT_USD =
            "{\"currency\":\"USD\",\"timezone_name\":\"America/Los_Angeles\",\"id\":\"act_" + ACCOUNT_ID + "\"}";

    final WireServer server = WireServer.start();
    private final TestContexts contexts = new TestContexts(TestContexts.TEST_POLICY, Clock.fixed(NOW, ZoneOffset.UTC));

    /** @return a context with the connection's access token */
    ConnectorContext context() {
        return context(Credentials.of(Map.of(Credentials.ACCESS_TOKEN, TOKEN)));
    }

    ConnectorContext context(Credentials credentials) {
        return contexts.context(server.endpoints(), credentials);
    }

    /** @return a context with the connection's access token, logging and counting into the telemetry */
    ConnectorContext context(RecordingTelemetry telemetry) {
        return contexts.context(server.endpoints(), Credentials.of(Map.of(Credentials.ACCESS_TOKEN, TOKEN)), telemetry);
    }

    /** Serves the account lookup with the given body. */
    void account(String body) {
        server.on("GET", ACCOUNT).withQuery("fields", "currency,timezone_name").respond(WireResponse.json(200, body));
    }

    static WireResponse fixture(String path) {
        return WireResponse.json(200, Fixtures.read(path));
    }

    List<RecordedRequest> requests(String method, String path) {
        return server.requests(method, path);
    }

    static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** @return the connector exception the stage failed with */
    static ConnectorException failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().join());
        assertThat(thrown).as("the stage should fail").isInstanceOf(CompletionException.class);
        Throwable cause = thrown.getCause();
        assertThat(cause).isInstanceOf(ConnectorException.class);
        return (ConnectorException) cause;
    }

    @Override
    public void close() {
        server.close();
    }
}
