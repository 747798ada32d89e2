package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.ADVERTISER;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.error;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.failure;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.join;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.path;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.shared;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TikTokErrorMappingTest {

    private static final DateRange RANGE = new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 14));
    private static final String REPORT = path("report/integrated/get");

    private final TikTokTestPlatform tiktok = new TikTokTestPlatform().servesAdvertiserInfo();
    private final TikTokSignalCollector collector = new TikTokSignalCollector();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private CompletionStage<Page<CampaignDailyPerformance>> firstReportPage() {
        return collector.dailyPerformance(tiktok.context(), ADVERTISER, RANGE, null);
    }

    @Test
    void mapsTheRateLimitInsideA200ToRateLimitedWithThePerMinuteRecovery() {
        tiktok.server.on("GET", REPORT).respond(shared("error.40100-rate-limit.json"));

        ConnectorException failure = failure(firstReportPage());

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(failure.getMessage()).contains("40100", "Requests made too frequently");
        assertThat(tiktok.server.requests("GET", REPORT)).as("the host, not the plugin, retries").hasSize(1);
    }

    @Test
    void mapsARevokedTokenToNeedsReauthWithTikToksOwnMessage() {
        tiktok.server.on("GET", REPORT).respond(shared("error.40105-access-token.json"));

        ConnectorException failure = failure(firstReportPage());

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).isEqualTo("Access token is incorrect or has been revoked.");
    }

    @ParameterizedTest(name = "code {0} -> {1}")
    @CsvSource({
            "40102, TOKEN_EXPIRED, The access token has expired.",
            "40104, NEEDS_REAUTH,  Access token is null.",
            "40106, NEEDS_REAUTH,  The core user is invalid.",
            "40133, RATE_LIMITED,  Advertiser's QPS reaches QPS limit for current path.",
            "40016, RATE_LIMITED,  Requests made too frequently.",
            "40001, REJECTED,      No permission to operate advertiser.",
            "40002, REJECTED,      Missing required field(s): end_date.",
            "40007, REJECTED,      The campaign does not exist.",
            "20001, REJECTED,      Partially successful.",
            "50000, TRANSIENT,     System error.",
            "50002, TRANSIENT,     Error processing request on TikTok side.",
            "60001, TRANSIENT,     The system is in maintenance.",
            "40202, TRANSIENT,     Write or update entity conflict."
    })
    void mapsEachReturnCodeToTheFailureTheHostReactsTo(int code, Failure expected, String message) {
        tiktok.server.on("GET", REPORT).respond(error(code, message));

        ConnectorException failure = failure(firstReportPage());

        assertThat(failure.failure()).isEqualTo(expected);
        if (expected == Failure.REJECTED) {
            assertThat(failure.platformCode()).contains(String.valueOf(code));
        }
        if (expected != Failure.NEEDS_REAUTH) {
            assertThat(failure.getMessage()).contains(String.valueOf(code), message, "20260915000000TEST");
        }
    }

    @Test
    void waitsOneSecondWhenTikTokNamesItsPerSecondLimit() {
        tiktok.server.on("GET", REPORT).respond(error(40133,
                "Advertiser (7012345678901234567)'s QPS (12) reaches QPS limit 10 for current path"));

        assertThat(failure(firstReportPage()).retryAfter()).contains(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {
            "<html>502 Bad Gateway</html>",
            "{\"message\":\"OK\",\"data\":{}}",
            "{\"code\":\"0\",\"message\":\"OK\",\"data\":{}}",
            "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\"}",
            "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"page_info\":{\"page\":1,\"total_page\":1}}}",
            "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"list\":[]}}",
            "[]",
            ""
    })
    void failsAMalformedAnswerWithoutReturningAnyRow(String body) {
        tiktok.server.on("GET", REPORT).respond(WireResponse.json(200, body));

        assertThat(failure(firstReportPage()).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"spend\": \"289.33\"|\"spend\": \"-\"",
            "\"impressions\": \"39430\"|\"impressions\": \"39430.5\"",
            "\"clicks\": \"395\",|",
            "\"spend\": \"289.33\"|\"spend\": \"289.3300001\"",
            "\"stat_time_day\": \"2026-09-01 00:00:00\"|\"stat_time_day\": \"2026-09-01\"",
            "\"complete_payment\": \"11\"|\"complete_payment\": \"-1\""
    })
    void failsTheWholePageWhenOneRowIsMalformed(String valid, String broken) {
        String page = Fixtures.read("tiktok/report.integrated.campaign-daily.page1.json")
                .replaceFirst(Pattern.quote(valid), broken == null ? "" : broken);
        tiktok.server.on("GET", REPORT).respond(WireResponse.json(200, page));

        assertThat(failure(firstReportPage()).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void letsTheHostRetryServerErrorsAndSucceeds() {
        tiktok.server.once("GET", REPORT).respond(WireResponse.of(503, "Service Unavailable"));
        tiktok.server.on("GET", REPORT).withQuery("page", "1").respond(shared("report.integrated.campaign-daily.page1.json"));

        Page<CampaignDailyPerformance> page = join(firstReportPage());

        assertThat(page.items()).hasSize(25);
        assertThat(tiktok.server.requests("GET", REPORT)).hasSize(2);
    }

    @Test
    void reportsServerErrorsAsTransientOnceTheHostsRetriesRunOut() {
        tiktok.server.on("GET", REPORT).respond(WireResponse.of(500, "Internal Server Error"));

        assertThat(failure(firstReportPage()).failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(tiktok.server.requests("GET", REPORT)).as("first try and the test policy's two retries").hasSize(3);
    }

    @Test
    void reportsA429TheHostHandsOverAsRateLimitedWithThePerMinuteRecovery() {
        tiktok.server.on("GET", REPORT).respond(WireResponse.of(429, "Too Many Requests"));

        ConnectorException failure = failure(firstReportPage());

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(tiktok.server.requests("GET", REPORT)).as("first try and the test policy's two retries").hasSize(3);
    }

    @Test
    void refusesAnHttpErrorBelow500AsTikTokNeverProcessedTheRequest() {
        tiktok.server.on("GET", REPORT).respond(WireResponse.of(404, "page not found"));

        ConnectorException failure = failure(firstReportPage());

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("HTTP_404");
    }

    @Test
    void failsWithNeedsReauthWithoutCallingTikTokWhenTheConnectionHasNoToken() {
        var context = TestContexts.standard().context(tiktok.server.endpoints(), Credentials.none());

        ConnectorException failure = failure(collector.campaigns(context, ADVERTISER, null));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(tiktok.server.requests()).isEmpty();
    }
}
