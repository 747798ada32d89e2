package ai.stratum.sandbox.snapchat;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * A sandbox simulating Snapchat for the emulator's tests: one ad account of 137 campaigns in Los
 * Angeles time on a fixed clock (an evening there, the next morning in UTC), a token it accepts, and
 * a plain HTTP client speaking to it as a Snap client would.
 */
final class SnapSandbox implements AutoCloseable {

    static final String ACCOUNT_ID = "8adc3db7-8148-4fbf-999c-8d2266369d74";
    static final String TOKEN = "snap-sandbox-token";
    static final Instant NOW = Instant.parse("2026-09-15T03:30:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox = Sandbox.builder().platform(new SnapchatEmulator())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final SimulatedAccount account = sandbox.addAccount(Platform.SNAPCHAT, new AccountSpec(ACCOUNT_ID,
            "Sandbox shop", "USD", ZoneId.of("America/Los_Angeles"), 137, 45, 20_260_914L));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SnapSandbox() {
        state().tokens().allow(TOKEN);
    }

    SimulatedAccount account() {
        return account;
    }

    PlatformState state() {
        return sandbox.state(Platform.SNAPCHAT);
    }

    URI base() {
        return sandbox.endpoints(Platform.SNAPCHAT).api();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String json) {
        HttpRequest.BodyPublisher body = json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    HttpResponse<String> form(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the sandbox did not answer " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
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
