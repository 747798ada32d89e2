package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.RecordingTelemetry;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Google Ads side of the tests: the fixtures' account, its paths, credentials, and answers the
 * fixtures do not cover, written in the shapes of the Google Ads REST reference (GAQL rows in
 * lowerCamelCase, int64 as strings, doubles as numbers, resourceName always present).
 */
final class GoogleWire {

    static final String CUSTOMER = "4826193057";
    static final String LOGIN_CUSTOMER = "9013372840";
    static final String SEARCH = "/v26/customers/" + CUSTOMER + "/googleAds:searchStream";
    static final String ACCESS_TOKEN = "ya29.test-access-token";
    static final String DEVELOPER_TOKEN = "test-developer-token";
    static final Instant NOW = Instant.parse("2026-09-15T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    /** The account settings answer: USD, New York. */
    static final String ACCOUNT_USD = settings("USD", "America/New_York");

    private GoogleWire() {
    }

    static String settings(String currency, String timeZone) {
        return """
                [{"results":[{"customer":{"resourceName":"customers/%s","currencyCode":"%s","timeZone":"%s"}}],
                  "fieldMask":"customer.currencyCode,customer.timeZone","requestId":"settings-1",
                  "queryResourceConsumption":"10"}]""".formatted(CUSTOMER, currency, timeZone);
    }

    /** @return a searchStream answer of one batch holding the rows */
    static String stream(String fieldMask, String... rows) {
        return "[{\"results\":[" + String.join(",", rows) + "],\"fieldMask\":\"" + fieldMask
                + "\",\"requestId\":\"stream-1\",\"queryResourceConsumption\":\"20\"}]";
    }

    static Credentials credentials() {
        return Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN, ACCESS_TOKEN,
                GoogleCredentialKeys.DEVELOPER_TOKEN, DEVELOPER_TOKEN,
                GoogleCredentialKeys.LOGIN_CUSTOMER_ID, "901-337-2840"));
    }

    static ConnectorContext context(WireServer server) {
        return context(server, credentials());
    }

    static ConnectorContext context(WireServer server, Credentials credentials) {
        return contexts().context(server.endpoints(), credentials, new RecordingTelemetry());
    }

    /** @return contexts on the host's transport with the clock fixed at {@link #NOW} */
    static TestContexts contexts() {
        return new TestContexts(TestContexts.TEST_POLICY, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * A context whose transport hands every response back as it is, the way a host transport that
     * does not absorb 429s would, to test the plugin's own mapping of such answers.
     */
    static ConnectorContext passThroughContext(WireServer server, HttpTransport.Response answer) {
        HttpTransport transport = request -> CompletableFuture.completedFuture(answer);
        return new ConnectorContext(credentials(), server.endpoints(), transport, Clock.fixed(NOW, ZoneOffset.UTC),
                new RecordingTelemetry());
    }

    /** Answers searchStream calls whose GAQL passes the test. */
    static void onQuery(WireServer server, Predicate<String> gaql, WireResponse response) {
        server.on("POST", SEARCH).when(request -> gaql.test(query(request))).respond(response);
    }

    static void onSettings(WireServer server) {
        onQuery(server, GoogleWire::isSettingsQuery, WireResponse.json(200, ACCOUNT_USD));
    }

    static boolean isSettingsQuery(String gaql) {
        return gaql.startsWith("SELECT customer.currency_code");
    }

    static String query(RecordedRequest request) {
        return json(request.body()).path("query").asText();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixture(String path) {
        return json(Fixtures.read(path));
    }

    static List<String> queries(WireServer server) {
        return server.requests("POST", SEARCH).stream().map(GoogleWire::query).toList();
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the stage failed", e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** @return the ConnectorException the stage failed with */
    static ConnectorException failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ConnectorException connectorException) {
                return connectorException;
            }
            throw new AssertionError("failed with something other than a ConnectorException", cause);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the stage succeeded but should have failed");
    }
}
