package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A sandbox simulating Google Ads with one customer, {@value #CUSTOMER}, of {@value #CAMPAIGNS}
 * campaigns in Los Angeles time, on a fixed clock, and an HTTP client calling it with an allowed token.
 */
final class GoogleApi implements AutoCloseable {

    static final String CUSTOMER = "1234567890";
    static final String TOKEN = "ya29.sandbox-test-token";
    static final int CAMPAIGNS = 12;
    static final Instant NOW = Instant.parse("2026-09-15T03:30:00Z");
    static final String SEARCH = "/v26/customers/" + CUSTOMER + "/googleAds:searchStream";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Sandbox sandbox;
    private final SimulatedAccount account;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    GoogleApi() {
        this(GoogleEmulator.ROWS_PER_BATCH);
    }

    GoogleApi(int rowsPerBatch) {
        sandbox = Sandbox.builder().platform(new GoogleEmulator(rowsPerBatch)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        account = sandbox.addAccount(Platform.GOOGLE, new AccountSpec(CUSTOMER, "Sandbox shop", "USD",
                ZoneId.of("America/Los_Angeles"), CAMPAIGNS, 40, 20_260_915L));
        state().tokens().allow(TOKEN);
    }

    SimulatedAccount account() {
        return account;
    }

    PlatformState state() {
        return sandbox.state(Platform.GOOGLE);
    }

    URI base() {
        return sandbox.endpoints(Platform.GOOGLE).api();
    }

    /** @return the answer to a POST of the JSON body with the allowed token */
    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** @return the answer to a GAQL query */
    HttpResponse<String> search(String gaql) {
        return post(SEARCH, JSON.createObjectNode().put("query", gaql).toString());
    }

    /** @return the rows of all batches of a GAQL query that must succeed */
    List<JsonNode> rows(String gaql) {
        HttpResponse<String> response = search(gaql);
        if (response.statusCode() != 200) {
            throw new AssertionError("query failed: " + response.body());
        }
        List<JsonNode> rows = new ArrayList<>();
        json(response.body()).forEach(batch -> batch.path("results").forEach(rows::add));
        return rows;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
