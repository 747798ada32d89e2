package ai.stratum.sandbox.meta;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sandbox with the Meta emulator and one account, {@code act_1001}, in Los Angeles, on a fixed
 * clock (evening of 2026-09-14 there), and a plain HTTP client to call it as any Graph client would.
 */
final class MetaApi implements AutoCloseable {

    static final String TOKEN = "meta-test-token";
    static final String ACCOUNT = "act_1001";
    static final String V = "/" + MetaEmulator.API_VERSION + "/";
    static final Instant NOW = Instant.parse("2026-09-15T03:30:00Z");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    /** An answer: status, headers and body. */
    record Reply(int status, HttpResponse<String> raw) {

        JsonNode json() {
            return Json.read(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode error() {
            return json().path("error");
        }
    }

    final Sandbox sandbox;
    final SimulatedAccount account;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    MetaApi() {
        this(40);
    }

    MetaApi(int campaigns) {
        sandbox = Sandbox.builder().platform(new MetaEmulator()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        account = sandbox.addAccount(Platform.META,
                new AccountSpec(ACCOUNT, "Test shop", "USD", LOS_ANGELES, campaigns, 45, 20_260_914L));
        state().tokens().allow(TOKEN);
    }

    PlatformState state() {
        return sandbox.state(Platform.META);
    }

    String base() {
        return sandbox.endpoints(Platform.META).api().toString();
    }

    /** @return a GET of {@code /v25.0/<path>} with the test token as a Bearer header */
    Reply get(String path, String... query) {
        return send("GET", V + path + queryString(query), TOKEN, null);
    }

    /** @return a form POST to {@code /v25.0/<path>} with the test token */
    Reply post(String path, String... form) {
        return send("POST", V + path, TOKEN, formBody(form));
    }

    /** @return a DELETE with a form body */
    Reply delete(String path, String... form) {
        return send("DELETE", V + path, TOKEN, formBody(form));
    }

    /** @return a request to any path (with its query), with or without a token */
    Reply send(String method, String pathAndQuery, String token, String form) {
        return sendTo(URI.create(base() + pathAndQuery), method, token, form);
    }

    /** @return a GET of a full URL, such as a page's {@code paging.next} */
    Reply open(String url) {
        return sendTo(URI.create(url), "GET", TOKEN, null);
    }

    private Reply sendTo(URI uri, String method, String token, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, form == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code ?a=1&b=2} of name, value pairs; empty for none */
    static String queryString(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    static String formBody(String... pairs) {
        return pairs.length == 0 ? "" : queryString(pairs).substring(1);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * @param name a fixture, for example {@code meta/campaigns.list.json}
     * @return the Meta plugin's copy of it: the wire shapes the emulator must match
     */
    static JsonNode fixture(String name) {
        Path path = Path.of("..", "plugins", "meta", "src", "test", "resources", "fixtures").resolve(name);
        try {
            return Json.read(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture " + path.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
