package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The sandbox's TikTok for one test: one advertiser of {@value #CAMPAIGNS} campaigns in Los Angeles
 * on a fixed clock, a token it accepts, and a plain HTTP client speaking TikTok's wire format.
 */
final class TikTokSandbox implements AutoCloseable {

    static final String ADVERTISER = "7001234567890123456";
    static final String TOKEN = "tiktok-test-token";
    static final int CAMPAIGNS = 23;
    static final Instant NOW = Instant.parse("2026-09-15T03:30:00Z");

    final Sandbox sandbox;
    final SimulatedAccount account;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    TikTokSandbox() {
        this(new TikTokEmulator(), Duration.ofHours(1));
    }

    TikTokSandbox(TikTokEmulator emulator, Duration tokenLifetime) {
        sandbox = Sandbox.builder().platform(emulator).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .tokenLifetime(tokenLifetime).build();
        account = sandbox.addAccount(Platform.TIKTOK, new AccountSpec(ADVERTISER, "Sandbox shop", "USD",
                ZoneId.of("America/Los_Angeles"), CAMPAIGNS, 45, 7L));
        state().tokens().allow(TOKEN);
    }

    PlatformState state() {
        return sandbox.state(Platform.TIKTOK);
    }

    /** @return the answer to a GET of a Marketing API resource such as {@code campaign/get} */
    HttpResponse<String> get(String resource, Map<String, String> query) {
        return send("GET", api(resource) + "?" + encode(query), TOKEN, null, null);
    }

    /** @return the answer to a JSON POST to a Marketing API resource */
    HttpResponse<String> post(String resource, String json) {
        return send("POST", api(resource), TOKEN, "application/json", json);
    }

    /** @return the answer to a request with every part chosen */
    HttpResponse<String> send(String method, String pathAndQuery, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.endpoints(Platform.TIKTOK).api()
                + pathAndQuery)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Access-Token", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the {@code data} of a successful answer, after checking its envelope */
    static JsonNode data(HttpResponse<String> response) {
        JsonNode body = Json.read(response.body());
        if (response.statusCode() != 200 || body.path("code").asInt(-1) != 0) {
            throw new AssertionError("expected a TikTok success, got HTTP " + response.statusCode() + ": " + response.body());
        }
        return body.path("data");
    }

    /** @return the path of a Marketing API resource */
    static String api(String resource) {
        return "/open_api/v1.3/" + resource + "/";
    }

    static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
