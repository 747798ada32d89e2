package ai.stratum.plugins.snapchat;

import static ai.stratum.plugins.snapchat.SnapWire.ACCOUNT_ID;
import static ai.stratum.plugins.snapchat.SnapWire.SALES_PIXEL;
import static ai.stratum.plugins.snapchat.SnapWire.failureOf;
import static ai.stratum.plugins.snapchat.SnapWire.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Snap's faults at the wire, through the host's own transport, as the host sees them. */
class SnapchatFaultsTest {

    private static final String CAMPAIGNS_PATH = "/v1/adaccounts/" + ACCOUNT_ID + "/campaigns";
    private static final String STATS_PATH = "/v1/campaigns/" + SALES_PIXEL + "/stats";
    private static final int ATTEMPTS = TestContexts.TEST_POLICY.maxRetries() + 1;
    private static final DateRange DAYS = new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 14));

    private final SnapchatSignalCollector collector = new SnapchatSignalCollector();
    private WireServer snap;
    private ConnectorContext context;

    @BeforeEach
    void startSnap() {
        snap = WireServer.start();
        snap.on("GET", "/v1/adaccounts/" + ACCOUNT_ID).respond(WireResponse.json(200, SnapWire.adAccount()));
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.fixture("snapchat/campaigns.list.json")));
        for (String campaign : List.of(SALES_PIXEL, SnapWire.CATALOG_RETARGETING, SnapWire.AWARENESS)) {
            snap.on("GET", "/v1/campaigns/" + campaign + "/stats").respond(WireResponse.json(200, SnapWire.statsFixture(campaign)));
        }
        context = TestContexts.standard().context(snap.endpoints(), SnapWire.credentials());
    }

    @AfterEach
    void stopSnap() {
        snap.close();
    }

    private ConnectorException campaignsFailure() {
        return failureOf(collector.campaigns(context, ACCOUNT_ID, null));
    }

    @Test
    void reportsA429ThatOutlastsTheHostsRetriesAsRateLimitedWithSnapsMessage() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(429, SnapWire.fixture("snapchat/error.429.json")));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        // Snap names no wait, so the plugin's documented one applies
        assertThat(failure.retryAfter()).contains(SnapchatErrors.UNTIMED_RATE_LIMIT_WAIT);
        assertThat(failure.getMessage()).contains("Rate limit exceeded", "HTTP 429");
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).hasSize(ATTEMPTS);
    }

    @Test
    void reportsA429WithALongRetryAfterAtOnceWithThatWait() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(429, SnapWire.fixture("snapchat/error.429.json"))
                .withHeader("Retry-After", "120"));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).hasSize(1);
    }

    @Test
    void getsPastA429TheHostRetries() {
        snap.once("GET", CAMPAIGNS_PATH).respond(WireResponse.json(429, SnapWire.fixture("snapchat/error.429.json")));

        assertThat(valueOf(collector.campaigns(context, ACCOUNT_ID, null)).items()).hasSize(3);
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).hasSize(2);
    }

    @Test
    void reportsTheRecorded401AsAnExpiredTokenForTheHostToRefresh() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(401, SnapWire.fixture("snapchat/error.401.json")));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.TOKEN_EXPIRED);
        assertThat(failure.getMessage()).contains("Unauthorized", "HTTP 401", "66e6aa5800ff0e1d2c3b4a5968778");
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).as("a 401 is not retried by the transport").hasSize(1);
    }

    @Test
    void reportsARevokedTokenAsNeedsReauthWithSnapsOwnMessage() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(401, """
                {"request_status":"ERROR","request_id":"66e6aa5800ff0e1d2c3b4a5968779",
                 "debug_message":"The access token has been revoked by the user","error_code":"E1005"}"""));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).contains("The access token has been revoked by the user");
    }

    @Test
    void reportsARefusedRequestAsRejectedWithSnapsMessageAndCode() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(400, """
                {"request_status":"ERROR","request_id":"66e6ab00","debug_message":"Invalid ad account id",
                 "display_message":"Something went wrong","error_code":"E1008"}"""));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("Invalid ad account id");
        assertThat(failure.platformCode()).contains("E1008");
    }

    @Test
    void reportsAnErrorEnvelopeInsideA200AsRejected() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200,
                "{\"request_status\":\"error\",\"request_id\":\"1\",\"msg\":\"Campaign query failed\"}"));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("Campaign query failed");
    }

    @Test
    void reportsAFailedSubRequestAsRejectedWithItsReason() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, """
                {"request_status":"SUCCESS","request_id":"1","campaigns":[{"sub_request_status":"ERROR",
                 "sub_request_error_reason":"Campaign not readable"}]}"""));

        ConnectorException failure = campaignsFailure();

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("Campaign not readable");
    }

    @Test
    void reportsAPersistentServerErrorAsTransientAfterTheHostsRetries() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(500, "{\"request_status\":\"ERROR\"}"));

        assertThat(campaignsFailure().failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).hasSize(ATTEMPTS);
    }

    @Test
    void getsPastAServerErrorTheHostRetries() {
        snap.once("GET", STATS_PATH).respond(WireResponse.of(503, "<html>upstream unavailable</html>"));

        var page = valueOf(collector.dailyPerformance(context, ACCOUNT_ID, DAYS, null));

        assertThat(page.items()).hasSize(42);
        assertThat(snap.requests("GET", STATS_PATH)).hasSize(2);
    }

    @Test
    void failsThePageAStatsFaultHitsWholeSoTheSameCursorResumes() {
        String second = "/v1/campaigns/" + SnapWire.CATALOG_RETARGETING + "/stats";
        snap.once("GET", second).respond(WireResponse.json(401, SnapWire.fixture("snapchat/error.401.json")));

        ConnectorException failure = failureOf(collector.dailyPerformance(context, ACCOUNT_ID, DAYS, null));
        var resumed = valueOf(collector.dailyPerformance(context, ACCOUNT_ID, DAYS, null));

        assertThat(failure.failure()).isEqualTo(Failure.TOKEN_EXPIRED);
        assertThat(resumed.items()).hasSize(42)
                .filteredOn(row -> row.campaignId().equals(SnapWire.CATALOG_RETARGETING)).hasSize(14);
        assertThat(resumed.hasNext()).isFalse();
    }

    @Test
    void needsReauthWhenTheConnectionHasNoAccessToken() {
        ConnectorContext tokenless = TestContexts.standard().context(snap.endpoints(), Credentials.none());

        ConnectorException failure = failureOf(collector.campaigns(tokenless, ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(snap.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not json at all",
            "[]",
            "{\"request_id\":\"1\",\"campaigns\":[]}",
            "{\"request_status\":\"PENDING\",\"campaigns\":[]}",
            "{\"request_status\":\"SUCCESS\"}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\"}]}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\",\"campaign\":{\"id\":\"c\",\"name\":\"n\"}}]}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\",\"campaign\":{\"id\":\"c\",\"name\":\"n\",\"status\":\"RUNNING\"}}]}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\",\"campaign\":{\"id\":\"c\",\"name\":\"n\",\"status\":\"ACTIVE\",\"daily_budget_micro\":\"250000000\"}}]}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\",\"campaign\":{\"id\":\"c\",\"name\":\"n\",\"status\":\"ACTIVE\",\"daily_budget_micro\":250.5}}]}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[],\"paging\":{\"next_link\":\"https://adsapi.snapchat.com/v1/x?limit=50\"}}",
            "{\"request_status\":\"SUCCESS\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\",\"campaign\""
    })
    void reportsAnUnexpectedCampaignsAnswerAsMalformed(String body) {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, body));

        assertThat(campaignsFailure().failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fractional spend | \"spend\": 225030000, | \"spend\": 225030000.5,",
            "spend as text | \"spend\": 225030000, | \"spend\": \"225030000\",",
            "negative impressions | \"impressions\": 50723, | \"impressions\": -50723,",
            "missing swipes | \"swipes\": 392, | ",
            "missing purchase value | \"conversion_purchases_value\": 819860000 | \"conversion_purchases_value_x\": 819860000",
            "bucket off local midnight | \"start_time\": \"2026-09-01T00:00:00.000-07:00\", | \"start_time\": \"2026-09-01T03:00:00.000-07:00\",",
            "bucket outside the days | \"start_time\": \"2026-09-01T00:00:00.000-07:00\", | \"start_time\": \"2026-08-20T00:00:00.000-07:00\",",
            "day reported twice | \"start_time\": \"2026-09-02T00:00:00.000-07:00\", | \"start_time\": \"2026-09-01T00:00:00.000-07:00\",",
            "time not ISO | \"start_time\": \"2026-09-01T00:00:00.000-07:00\", | \"start_time\": \"09/01/2026\",",
            "other attribution | \"swipe_up_attribution_window\": \"28_DAY\" | \"swipe_up_attribution_window\": \"7_DAY\"",
            "stats of another campaign | \"id\": \"6cf25572-048b-4447-95d1-eb47d2521f49\" | \"id\": \"0f2a4c8e-6b1d-4e3f-9a7c-5d8e2b1f0a93\""
    })
    void reportsAnUnexpectedStatsAnswerAsMalformedAndReturnsNothing(String name, String original, String broken) {
        String fixture = SnapWire.statsFixture(SALES_PIXEL);
        // break the first daily bucket where the text is one, else the campaign's stats header
        int buckets = fixture.indexOf("\"timeseries\": [");
        int at = fixture.indexOf(original, buckets) >= 0 ? buckets : 0;
        assertThat(fixture.indexOf(original, at)).isNotNegative();
        String body = fixture.substring(0, at) + fixture.substring(at).replaceFirst(Pattern.quote(original),
                Matcher.quoteReplacement(broken == null ? "" : broken));
        snap.on("GET", STATS_PATH).respond(WireResponse.json(200, body));

        ConnectorException failure = failureOf(collector.dailyPerformance(context, ACCOUNT_ID, DAYS, null));

        assertThat(failure.failure()).as(name).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no currency | \"currency\":\"USD\", | ",
            "unknown currency | \"currency\":\"USD\" | \"currency\":\"usd\"",
            "unknown time zone | \"timezone\":\"America/Los_Angeles\" | \"timezone\":\"Pacific Standard\""
    })
    void reportsAnUnusableAdAccountAsMalformed(String name, String original, String broken) {
        String account = SnapWire.adAccount();
        assertThat(account).contains(original);
        snap.on("GET", "/v1/adaccounts/" + ACCOUNT_ID).respond(WireResponse.json(200,
                account.replace(original, broken == null ? "" : broken)));

        assertThat(campaignsFailure().failure()).as(name).isEqualTo(Failure.MALFORMED_RESPONSE);
        assertThat(failureOf(collector.dailyPerformance(context, ACCOUNT_ID, DAYS, null)).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void refusesACursorItDidNotMake() {
        assertThatThrownBy(() -> valueOf(collector.campaigns(context, ACCOUNT_ID, "bm90IGEgY3Vyc29y")))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(snap.requests()).isEmpty();
    }
}
