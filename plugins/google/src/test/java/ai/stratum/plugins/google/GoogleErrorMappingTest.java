package ai.stratum.plugins.google;

import static ai.stratum.plugins.google.GoogleWire.failure;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleErrorMappingTest {

    private static final DateRange DAYS = new DateRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-14"));

    private final WireServer google = WireServer.start();
    private final GoogleSignalCollector collector = new GoogleSignalCollector();

    @AfterEach
    void stop() {
        google.close();
    }

    private ConnectorException readWith(WireResponse answer) {
        google.on("POST", GoogleWire.SEARCH).respond(answer);
        return failure(collector.dailyPerformance(GoogleWire.context(google), GoogleWire.CUSTOMER, DAYS, null));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
            "google/error.authentication.access-token-expired.json, 401, TOKEN_EXPIRED",
            "google/error.authentication.oauth-token-header-invalid.json, 401, TOKEN_EXPIRED",
            "google/error.authentication.not-ads-user.json, 401, NEEDS_REAUTH",
    })
    void mapsTheAuthenticationErrorFixture(String fixture, int status, Failure expected) {
        assertThat(readWith(WireResponse.json(status, Fixtures.read(fixture))).failure()).isEqualTo(expected);
    }

    @Test
    void carriesGooglesOwnMessageWhenTheUserMustSignInAgain() {
        ConnectorException failure = readWith(WireResponse.json(401, Fixtures.read("google/error.authentication.not-ads-user.json")));

        assertThat(failure.getMessage()).isEqualTo("User in the cookie is not a valid Ads user.");
    }

    @Test
    void readsGooglesRetryDelayFromThe429TheHostTransportHandsBackOnceItsRetriesRunOut() {
        ConnectorException failure = readWith(WireResponse.json(429, Fixtures.read("google/error.resource-exhausted.json")));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(40591));
        // Google sends no Retry-After, so the host retried with its own back-off (two retries), then passed the answer on
        assertThat(google.requests()).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource({"google/error.resource-exhausted.json", "google/searchstream.error.resource-exhausted.json"})
    void takesGooglesRetryDelayWhenTheTransportHandsBackA429(String fixture) {
        HttpTransport.Response answer = new HttpTransport.Response(429, Map.of(), Fixtures.read(fixture));

        ConnectorException failure = failure(collector.dailyPerformance(GoogleWire.passThroughContext(google, answer),
                GoogleWire.CUSTOMER, DAYS, null));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(40591));
        assertThat(failure.getMessage()).contains("quotaError.RESOURCE_EXHAUSTED", "Too many requests", "xN_KaZRHZuU6Rlgt3cM2uQ");
    }

    @Test
    void fallsBackToRetryAfterWhenA429NamesNoRetryDelay() {
        HttpTransport.Response answer = new HttpTransport.Response(429, Map.of("Retry-After", List.of("7")),
                "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}");

        ConnectorException failure = failure(collector.dailyPerformance(GoogleWire.passThroughContext(google, answer),
                GoogleWire.CUSTOMER, DAYS, null));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "revoked token | 401 | authenticationError | OAUTH_TOKEN_REVOKED | NEEDS_REAUTH | ",
            "disabled token | 401 | authenticationError | OAUTH_TOKEN_DISABLED | NEEDS_REAUTH | ",
            "invalid token | 401 | authenticationError | OAUTH_TOKEN_INVALID | NEEDS_REAUTH | ",
            "deleted Google account | 401 | authenticationError | GOOGLE_ACCOUNT_DELETED | NEEDS_REAUTH | ",
            "expired token | 401 | authenticationError | OAUTH_TOKEN_EXPIRED | TOKEN_EXPIRED | ",
            "unknown customer | 401 | authenticationError | CUSTOMER_NOT_FOUND | REJECTED | authenticationError.CUSTOMER_NOT_FOUND",
            "no access to the account | 403 | authorizationError | USER_PERMISSION_DENIED | REJECTED | authorizationError.USER_PERMISSION_DENIED",
            "bad query | 400 | queryError | UNRECOGNIZED_FIELD | REJECTED | queryError.UNRECOGNIZED_FIELD",
            "temporary quota | 429 | quotaError | RESOURCE_TEMPORARILY_EXHAUSTED | RATE_LIMITED | ",
    })
    void mapsGoogleAdsFailures(String what, int status, String family, String value, Failure expected, String code) {
        String body = """
                {"error":{"code":%d,"message":"envelope message","status":"X",
                  "details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors":[{"errorCode":{"%s":"%s"},"message":"%s by Google"}],"requestId":"req-1"}]}}"""
                .formatted(status, family, value, what);

        ConnectorException failure = GoogleAdsErrorMapper.fromResponse(new HttpTransport.Response(status, Map.of(), body));

        assertThat(failure.failure()).isEqualTo(expected);
        assertThat(failure.platformCode()).isEqualTo(Optional.ofNullable(code));
        assertThat(failure.getMessage()).contains(what + " by Google");
    }

    @ParameterizedTest(name = "HTTP {0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "401 | <html>Unauthorized</html> | TOKEN_EXPIRED",
            "404 | <html>Not Found</html> | REJECTED",
            "400 | {\"error\":{\"code\":400,\"message\":\"Invalid JSON payload\",\"status\":\"INVALID_ARGUMENT\"}} | REJECTED",
            "401 | {\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}} | TOKEN_EXPIRED",
    })
    void mapsAnswersWithoutAGoogleAdsFailure(int status, String body, Failure expected) {
        assertThat(readWith(WireResponse.json(status, body)).failure()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} inside a 200 stream → {1}")
    @CsvSource({"INTERNAL, TRANSIENT", "UNAVAILABLE, TRANSIENT", "DEADLINE_EXCEEDED, TRANSIENT", "INVALID_ARGUMENT, REJECTED"})
    void mapsAStreamErrorByItsStatus(String status, Failure expected) {
        String body = "[{\"error\":{\"code\":500,\"message\":\"stream broke\",\"status\":\"" + status + "\"}}]";

        assertThat(readWith(WireResponse.json(200, body)).failure()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"30s, 30000", "1.5s, 1500", "0.0001s, 1", "40591s, 40591000"})
    void readsRetryDelaysInProtobufDurationForm(String value, long millis) {
        assertThat(GoogleAdsError.parseDuration(value)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"30", "s", "-1s", "PT30S"})
    void ignoresRetryDelaysThatAreNotDurations(String value) {
        assertThat(GoogleAdsError.parseDuration(value)).isEmpty();
    }
}
