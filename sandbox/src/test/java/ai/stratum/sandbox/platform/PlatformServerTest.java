package ai.stratum.sandbox.platform;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformServerTest {

    private static final String TOKEN = "test-token";

    private final Sandbox sandbox = Sandbox.builder().platform(new PlainEmulator()).build();
    private final HttpClient http = HttpClient.newHttpClient();

    PlatformServerTest() {
        sandbox.state(Platform.META).tokens().allow(TOKEN);
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.endpoints(Platform.META).api() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send("GET", path, TOKEN, null);
    }

    @Test
    void answersARequestWithAValidToken() {
        assertThat(get("/v1/echo").body()).isEqualTo("{\"path\":\"/v1/echo\"}");
    }

    @Test
    void countsTheApiRequestsItAnsweredButNotTheAdminOnes() {
        ServedRequests before = sandbox.served(Platform.META);
        get("/v1/echo");
        get("/v1/echo");
        get(AdminApi.PREFIX + "accounts");

        ServedRequests served = sandbox.served(Platform.META).since(before);

        assertThat(served.requests()).isEqualTo(2);
        assertThat(served.bytesServed()).isEqualTo(2L * "{\"path\":\"/v1/echo\"}".length());
        assertThat(served.answering()).isPositive();
    }

    @Test
    void refusesAnUnknownTokenAsRevoked() {
        assertThat(send("GET", "/v1/echo", "who-knows", null).body()).contains("TokenRevoked");
        assertThat(send("GET", "/v1/echo", null, null).body()).contains("TokenRevoked");
    }

    @Test
    void anExpiredTokenStaysExpiredUntilRefreshed() {
        sandbox.state(Platform.META).faults().inject(new Fault.TokenExpired());

        assertThat(get("/v1/echo").body()).contains("TokenExpired");
        assertThat(get("/v1/echo").body()).contains("TokenExpired");
    }

    @Test
    void faultsApplyInOrderForTheirNumberOfRequests() {
        Faults faults = sandbox.state(Platform.META).faults();
        faults.inject(new Fault.RateLimit(Duration.ofSeconds(30)), 2);
        faults.inject(new Fault.ServerError(503));

        assertThat(get("/v1/echo").body()).contains("RateLimit");
        assertThat(get("/v1/echo").body()).contains("RateLimit");
        assertThat(get("/v1/echo").statusCode()).isEqualTo(503);
        assertThat(get("/v1/echo").statusCode()).isEqualTo(200);
        assertThat(faults.pending()).isZero();
    }

    @Test
    void aLatencyFaultDelaysThenAnswers() {
        sandbox.state(Platform.META).faults().inject(new Fault.Latency(Duration.ofMillis(300)));
        long start = System.nanoTime();

        HttpResponse<String> response = get("/v1/echo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void oauthEndpointsNeedNoTokenAndSeeNoFaults() {
        sandbox.state(Platform.META).faults().inject(new Fault.ServerError(500));

        assertThat(send("POST", "/oauth/token", null, "").body()).contains("issued");
        assertThat(sandbox.state(Platform.META).faults().pending()).isEqualTo(1);
    }

    @Test
    void aBodyThePlatformCannotReadIsItsBadRequest() {
        assertThat(send("POST", "/v1/echo", TOKEN, "{not json").body()).contains("bad_request");
    }

    @Test
    void theAdminApiInjectsFaultsAndSteersAccounts() {
        SimulatedAccount account = sandbox.addAccount(Platform.META,
                new AccountSpec("act_9", "Shop", "EUR", ZoneId.of("Europe/Berlin"), 3, 30, 1));

        assertThat(send("POST", "/_sandbox/faults", null, "{\"type\":\"SERVER_ERROR\",\"status\":502,\"requests\":1}")
                .statusCode()).isEqualTo(200);
        assertThat(get("/v1/echo").statusCode()).isEqualTo(502);

        send("POST", "/_sandbox/accounts/act_9/emq", null, "{\"score\":3.5}");
        assertThat(account.datasetEmq().values()).containsOnly(3.5);

        send("POST", "/_sandbox/accounts/act_9/stale", null, "{\"hours\":48}");
        assertThat(account.newestDataAt()).isBefore(sandbox.clock().instant().minus(Duration.ofHours(48)));

        assertThat(send("GET", "/_sandbox/accounts", null, null).body()).contains("\"accountId\":\"act_9\"", "\"EUR\"");
    }

    @Test
    void theAdminApiNamesWhatItCannotDo() {
        assertThat(send("POST", "/_sandbox/faults", null, "{\"type\":\"EARTHQUAKE\"}").body())
                .contains("unknown fault type EARTHQUAKE");
        assertThat(send("POST", "/_sandbox/accounts/nope/emq", null, "{\"score\":3}").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/_sandbox/accounts/nope/emq", null, "{\"score\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/_sandbox/faults", null, "{\"requests\":1}").body()).contains("type must be a string");
    }
}
