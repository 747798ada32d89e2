package ai.stratum.plugins.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A TikTok Marketing API at the wire for one test: the test kit's server, contexts and helpers. */
final class TikTokTestPlatform implements AutoCloseable {

    static final String ADVERTISER = "7012345678901234567";
    static final String TOKEN = "0f5e6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f";

    final WireServer server = WireServer.start();

    /** @return the full path of a Marketing API resource, for example {@code /open_api/v1.3/campaign/get/} */
    static String path(String resource) {
        return "/open_api/v1.3/" + resource + "/";
    }

    /** @return a context with the connection's token on the system clock */
    ConnectorContext context() {
        return context(Clock.systemUTC());
    }

    /** @return a context with the connection's token on the given clock */
    ConnectorContext context(Clock clock) {
        return new TestContexts(TestContexts.TEST_POLICY, clock)
                .context(server.endpoints(), Credentials.of(Map.of(Credentials.ACCESS_TOKEN, TOKEN)));
    }

    /** Answers advertiser info for the scenario's USD advertiser in Los Angeles. */
    TikTokTestPlatform servesAdvertiserInfo() {
        server.on("GET", path("advertiser/info")).respond(doc("advertiser.info.json"));
        return this;
    }

    static WireResponse shared(String fixture) {
        return WireResponse.json(200, Fixtures.read("tiktok/" + fixture));
    }

    static WireResponse doc(String fixture) {
        return WireResponse.json(200, Fixtures.read("tiktok-doc/" + fixture));
    }

    /** @return a TikTok error envelope, as TikTok sends it: HTTP 200 with a non-zero code */
    static WireResponse error(int code, String message) {
        return WireResponse.json(200, "{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"request_id\":\"20260915000000TEST\",\"data\":{}}");
    }

    static JsonNode json(String text) {
        return TikTokJson.parse(text, "test");
    }

    static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** @return the ConnectorException the stage failed with */
    static ConnectorException failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().join());
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).isInstanceOf(ConnectorException.class);
        return (ConnectorException) thrown.getCause();
    }

    @Override
    public void close() {
        server.close();
    }
}
