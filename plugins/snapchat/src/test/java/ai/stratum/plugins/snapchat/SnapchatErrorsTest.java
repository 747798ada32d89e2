package ai.stratum.plugins.snapchat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapchatErrorsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-15T12:00:00Z"), ZoneOffset.UTC);

    private static HttpTransport.Response response(int status, String body, Map<String, List<String>> headers) {
        return new HttpTransport.Response(status, headers, body);
    }

    private static ConnectorException map(int status, String body) {
        return SnapchatErrors.forStatus(response(status, body, Map.of()), CLOCK);
    }

    @ParameterizedTest(name = "HTTP {0} saying \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "401 | Unauthorized                                   | TOKEN_EXPIRED",
            "401 | The access token has expired                   | TOKEN_EXPIRED",
            "401 | Invalid access token                           | NEEDS_REAUTH",
            "401 | Access token revoked                           | NEEDS_REAUTH",
            "401 | The user account is disabled                   | NEEDS_REAUTH",
            "400 | Invalid ad account id                          | REJECTED",
            "403 | None of the requested actions can be authorized | REJECTED",
            "404 | Campaign not found                             | REJECTED",
            "429 | Rate limit exceeded                            | RATE_LIMITED",
            "500 | Internal error                                 | TRANSIENT",
            "503 | Unavailable                                    | TRANSIENT"
    })
    void mapsSnapsStatusAndMessageToTheHostsFailure(int status, String message, Failure expected) {
        ConnectorException failure = map(status,
                "{\"request_status\":\"ERROR\",\"request_id\":\"r-1\",\"debug_message\":\"" + message + "\"}");

        assertThat(failure.failure()).isEqualTo(expected);
        assertThat(failure.getMessage()).startsWith(message).contains("HTTP " + status, "request_id r-1");
    }

    @Test
    void readsAnExpiredTokenFromTheBearerChallengeToo() {
        ConnectorException failure = SnapchatErrors.forStatus(response(401, "", Map.of("WWW-Authenticate",
                List.of("Bearer error=\"invalid_token\", error_description=\"The access token expired\""))), CLOCK);

        assertThat(failure.failure()).isEqualTo(Failure.TOKEN_EXPIRED);
    }

    @Test
    void prefersTheDebugMessageAndKeepsTheErrorCode() {
        ConnectorException failure = map(400, """
                {"request_status":"ERROR","display_message":"Something went wrong",
                 "debug_message":"daily_budget_micro must be at least 20000000","error_code":"E2001"}""");

        assertThat(failure.getMessage()).startsWith("daily_budget_micro must be at least 20000000");
        assertThat(failure.platformCode()).contains("E2001");
    }

    @Test
    void mapsByStatusWhenTheBodyIsNotJson() {
        ConnectorException failure = map(401, "<html>401 Authorization Required</html>");

        assertThat(failure.failure()).isEqualTo(Failure.TOKEN_EXPIRED);
        assertThat(failure.getMessage()).contains("HTTP 401");
        assertThat(map(400, "").failure()).isEqualTo(Failure.REJECTED);
    }

    @Test
    void waitsAsLongAsARetryAfterSaysInSecondsOrAsADate() {
        assertThat(SnapchatErrors.forStatus(response(429, "", Map.of("Retry-After", List.of("42"))), CLOCK)
                .retryAfter()).contains(Duration.ofSeconds(42));
        assertThat(SnapchatErrors.forStatus(response(429, "", Map.of("Retry-After",
                List.of("Tue, 15 Sep 2026 12:05:00 GMT"))), CLOCK).retryAfter()).contains(Duration.ofMinutes(5));
    }

    @Test
    void waitsAMinuteAfterA429ThatNamesNoWait() {
        assertThat(map(429, SnapWire.fixture("snapchat/error.429.json")).retryAfter())
                .contains(Duration.ofMinutes(1));
        assertThat(SnapchatErrors.forStatus(response(429, "", Map.of("Retry-After", List.of("soon"))), CLOCK)
                .retryAfter()).contains(Duration.ofMinutes(1));
    }
}
