package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.platform.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults and token trouble look as Snap shows them; malformed requests get Snap's 400. */
class SnapchatFaultsTest {

    private static final String ACCOUNT = "/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID;

    private final SnapSandbox snap = new SnapSandbox();

    @AfterEach
    void close() {
        snap.close();
    }

    @Test
    void answersARateLimitWith429AndNoWaitOnTheWire() {
        snap.state().faults().inject(new Fault.RateLimit(Duration.ofMinutes(10)));

        HttpResponse<String> response = snap.get(ACCOUNT);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().contains("retry")
                || name.toLowerCase().contains("rate"));
        assertThat(SnapSandbox.json(response).get("msg").asText()).isEqualTo("Rate limit exceeded");
    }

    @ParameterizedTest
    @CsvSource({"500, Internal Server Error", "503, Service Unavailable"})
    void answersAServerErrorWithItsStatusInSnapsErrorEnvelope(int status, String message) {
        snap.state().faults().inject(new Fault.ServerError(status));

        HttpResponse<String> response = snap.get(ACCOUNT);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(SnapSandbox.json(response).get("request_status").asText()).isEqualTo("ERROR");
        assertThat(SnapSandbox.json(response).get("msg").asText()).isEqualTo(message);
    }

    @Test
    void answersAMalformedFaultWithA200ThatIsNotJson() {
        snap.state().faults().inject(new Fault.Malformed());

        HttpResponse<String> response = snap.get(ACCOUNT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SnapSandbox.json(response)).isInstanceOf(AssertionError.class);
    }

    @Test
    void answersAnExpiredTokenWithABareUnauthorized() {
        snap.state().faults().inject(new Fault.TokenExpired());

        HttpResponse<String> response = snap.get(ACCOUNT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SnapSandbox.json(response).get("msg").asText()).isEqualTo("Unauthorized");
        assertThat(snap.get(ACCOUNT).statusCode()).as("it stays expired").isEqualTo(401);
    }

    @Test
    void answersARevokedOrUnknownTokenWithSnapsInvalidTokenWording() {
        HttpResponse<String> unknown = snap.send(HttpRequest.newBuilder(URI.create(snap.base() + ACCOUNT))
                .header("Authorization", "Bearer who-knows").build());
        snap.state().faults().inject(new Fault.TokenRevoked());
        HttpResponse<String> revoked = snap.get(ACCOUNT);

        for (HttpResponse<String> response : java.util.List.of(unknown, revoked)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(SnapSandbox.json(response).get("msg").asText()).isEqualTo("Invalid access token");
        }
    }

    @Test
    void answersABodyThatIsNotJsonWithSnapsBadRequest() {
        HttpResponse<String> response = snap.send("PUT", ACCOUNT + "/campaigns", "{\"campaigns\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = SnapSandbox.json(response);
        assertThat(body.get("request_status").asText()).isEqualTo("ERROR");
        assertThat(body.get("debug_message").asText()).contains("not valid JSON");
    }

    @Test
    void answersAPathItDoesNotServeWithSnapsNotFound() {
        assertThat(snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/pixels").statusCode()).isEqualTo(404);
        assertThat(snap.get("/v2/adaccounts/" + SnapSandbox.ACCOUNT_ID).statusCode()).isEqualTo(404);
        assertThat(snap.send("DELETE", ACCOUNT, null).statusCode()).isEqualTo(404);
    }
}
