package ai.stratum.plugins.google;

import static ai.stratum.plugins.google.GoogleWire.await;
import static ai.stratum.plugins.google.GoogleWire.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleDailyPerformanceTest {

    private static final DateRange FIXTURE_DAYS = new DateRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-14"));

    private final WireServer google = WireServer.start();
    private final GoogleSignalCollector collector = new GoogleSignalCollector();

    @AfterEach
    void stop() {
        google.close();
    }

    private void serveDaily(String fixture) {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("segments.date BETWEEN"),
                WireResponse.json(200, Fixtures.read(fixture)));
    }

    private List<CampaignDailyPerformance> readAll(DateRange days) {
        List<CampaignDailyPerformance> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<CampaignDailyPerformance> page = await(collector.dailyPerformance(GoogleWire.context(google),
                    GoogleWire.CUSTOMER, days, cursor));
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    @Test
    void readsAllFortyTwoRowsWithTotalsEqualToTheExpectedTotalsToTheMicro() {
        serveDaily("google/searchstream.response.json");
        JsonNode expected = GoogleWire.fixture("google/expected-totals.json").path("overall");

        List<CampaignDailyPerformance> rows = readAll(FIXTURE_DAYS);

        assertThat(rows).hasSize(expected.path("rows").asInt());
        assertThat(rows.stream().mapToLong(row -> row.spend().micros()).sum())
                .isEqualTo(Long.parseLong(GoogleWire.fixture("google/expected-totals.json").path("cost_micros_total").asText()))
                .isEqualTo(Money.parse(expected.path("spend").asText(), "USD").micros());
        assertThat(rows.stream().mapToLong(row -> row.revenue().micros()).sum())
                .isEqualTo(Money.parse(expected.path("revenue").asText(), "USD").micros());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::impressions).sum()).isEqualTo(expected.path("impressions").asLong());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::clicks).sum()).isEqualTo(expected.path("clicks").asLong());
        assertThat(sumOfConversions(rows)).isEqualByComparingTo(expected.path("purchases").decimalValue());
        assertThat(rows).allSatisfy(row -> assertThat(row.spend().currency()).isEqualTo("USD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"21554128631", "21554128634", "21603377210"})
    void eachCampaignsFourteenDaysAddUpToItsExpectedTotals(String campaignId) {
        serveDaily("google/searchstream.response.json");
        JsonNode expected = GoogleWire.fixture("google/expected-totals.json").path("campaigns").path(campaignId);

        List<CampaignDailyPerformance> rows = readAll(FIXTURE_DAYS).stream()
                .filter(row -> row.campaignId().equals(campaignId)).toList();

        assertThat(rows).hasSize(expected.path("days").asInt());
        assertThat(rows.stream().map(CampaignDailyPerformance::date).distinct()).hasSize(14);
        assertThat(rows.stream().mapToLong(row -> row.spend().micros()).sum())
                .isEqualTo(Money.parse(expected.path("spend").asText(), "USD").micros());
        assertThat(rows.stream().mapToLong(row -> row.revenue().micros()).sum())
                .isEqualTo(Money.parse(expected.path("revenue").asText(), "USD").micros());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::impressions).sum()).isEqualTo(expected.path("impressions").asLong());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::clicks).sum()).isEqualTo(expected.path("clicks").asLong());
        assertThat(sumOfConversions(rows)).isEqualByComparingTo(expected.path("purchases").decimalValue());
    }

    @Test
    void countsFractionalDataDrivenConversionsAndTheirValueAsReported() {
        serveDaily("google/searchstream.response.json");

        CampaignDailyPerformance first = readAll(FIXTURE_DAYS).stream()
                .filter(row -> row.campaignId().equals("21554128631") && row.date().equals(LocalDate.parse("2026-09-01")))
                .findFirst().orElseThrow();

        assertThat(first.conversions()).isCloseTo(24.66, within(1e-9));
        assertThat(first.revenue()).isEqualTo(new Money(2_249_510_000L, "USD"));
        assertThat(first.spend()).isEqualTo(new Money(182_710_000L, "USD"));
        assertThat(first.impressions()).isEqualTo(3078);
        assertThat(first.clicks()).isEqualTo(361);
    }

    @Test
    void sendsTheFixtureQueryWithBearerDeveloperTokenAndLoginCustomerHeaders() {
        serveDaily("google/searchstream.response.json");

        readAll(FIXTURE_DAYS);

        RecordedRequest report = google.requests("POST", GoogleWire.SEARCH).stream()
                .filter(request -> GoogleWire.query(request).contains("segments.date")).findFirst().orElseThrow();
        assertThat(GoogleWire.json(report.body())).isEqualTo(GoogleWire.fixture("google/searchstream.request.json"));
        assertThat(report.header("Authorization")).contains("Bearer " + GoogleWire.ACCESS_TOKEN);
        assertThat(report.header("developer-token")).contains(GoogleWire.DEVELOPER_TOKEN);
        assertThat(report.header("login-customer-id")).contains(GoogleWire.LOGIN_CUSTOMER);
        assertThat(report.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(google.unmatched()).isEmpty();
    }

    @Test
    void sendsNoDeveloperTokenOrLoginCustomerHeaderWhenNoneIsConfigured() {
        serveDaily("google/searchstream.response.json");
        Credentials tokenOnly = Credentials.of(Map.of(Credentials.ACCESS_TOKEN, GoogleWire.ACCESS_TOKEN));

        await(collector.dailyPerformance(GoogleWire.context(google, tokenOnly), GoogleWire.CUSTOMER, FIXTURE_DAYS, null));

        assertThat(google.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.header("developer-token")).isEmpty();
            assertThat(request.header("login-customer-id")).isEmpty();
        });
    }

    @Test
    void rejectsAConfiguredLoginCustomerIdThatIsNotACustomerIdBeforeAnyRequest() {
        Credentials badLogin = Credentials.of(Map.of(Credentials.ACCESS_TOKEN, GoogleWire.ACCESS_TOKEN,
                GoogleCredentialKeys.LOGIN_CUSTOMER_ID, "mcc-main"));

        var failure = failure(collector.dailyPerformance(GoogleWire.context(google, badLogin), GoogleWire.CUSTOMER,
                FIXTURE_DAYS, null));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains(GoogleCredentialKeys.LOGIN_CUSTOMER_ID).doesNotContain("mcc-main");
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void acceptsAnAccountIdWrittenWithDashes() {
        serveDaily("google/searchstream.response.json");

        Page<CampaignDailyPerformance> page = await(collector.dailyPerformance(GoogleWire.context(google), "482-619-3057",
                FIXTURE_DAYS, null));

        assertThat(page.items()).hasSize(42);
    }

    @Test
    void joinsTheBatchesOfAMultiBatchStreamIntoTheSameRows() {
        serveDaily("google/searchstream.response.json");
        List<CampaignDailyPerformance> single = readAll(FIXTURE_DAYS);
        serveDaily("google/searchstream.response.multi-batch.json");

        List<CampaignDailyPerformance> multi = readAll(FIXTURE_DAYS);

        assertThat(multi).containsExactlyElementsOf(single);
    }

    @Test
    void answersAStreamWithoutResultsWithAnEmptyLastPage() {
        serveDaily("google/searchstream.response.empty.json");

        Page<CampaignDailyPerformance> page = await(collector.dailyPerformance(GoogleWire.context(google),
                GoogleWire.CUSTOMER, FIXTURE_DAYS, null));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void pagesALongRangeInChunksOfFifteenDaysUntilTheLastDay() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("segments.date BETWEEN"),
                WireResponse.json(200, Fixtures.read("google/searchstream.response.empty.json")));
        DateRange days = new DateRange(LocalDate.parse("2026-08-17"), LocalDate.parse("2026-09-14"));

        List<String> cursors = new ArrayList<>();
        String cursor = null;
        do {
            Page<CampaignDailyPerformance> page = await(collector.dailyPerformance(GoogleWire.context(google),
                    GoogleWire.CUSTOMER, days, cursor));
            cursor = page.nextCursor();
            cursors.add(cursor);
        } while (cursor != null);

        assertThat(cursors).containsExactly("2026-09-01", null);
        assertThat(GoogleWire.queries(google).stream().filter(gaql -> gaql.contains("BETWEEN")))
                .containsExactly(
                        GoogleWire.fixture("google/searchstream.request.json").path("query").asText()
                                .replace("'2026-09-01' AND '2026-09-14'", "'2026-08-17' AND '2026-08-31'"),
                        GoogleWire.fixture("google/searchstream.request.json").path("query").asText());
    }

    @Test
    void roundsAConversionValueWithMoreDigitsThanAMicroHalfEvenAndTreatsMissingMetricsAsZero() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("segments.date BETWEEN"), WireResponse.json(200, GoogleWire.stream(
                "campaign.id,segments.date,metrics.costMicros,metrics.conversionsValue",
                """
                {"campaign":{"resourceName":"customers/4826193057/campaigns/1","id":"1"},
                 "metrics":{"costMicros":"1000001","conversionsValue":1234.56789050000001},
                 "segments":{"date":"2026-09-02"}}""",
                """
                {"campaign":{"resourceName":"customers/4826193057/campaigns/2","id":"2"},
                 "metrics":{},"segments":{"date":"2026-09-03"}}""")));

        List<CampaignDailyPerformance> rows = readAll(FIXTURE_DAYS);

        assertThat(rows.get(0).spend()).isEqualTo(new Money(1_000_001L, "USD"));
        assertThat(rows.get(0).revenue()).isEqualTo(new Money(1_234_567_891L, "USD"));
        assertThat(rows.get(0).impressions()).isZero();
        assertThat(rows.get(1)).isEqualTo(new CampaignDailyPerformance("2", LocalDate.parse("2026-09-03"),
                new Money(0, "USD"), 0, 0, 0.0, new Money(0, "USD")));
    }

    @Test
    void reportsMoneyInTheAccountsCurrency() {
        GoogleWire.onQuery(google, GoogleWire::isSettingsQuery,
                WireResponse.json(200, GoogleWire.settings("JPY", "Asia/Tokyo")));
        GoogleWire.onQuery(google, gaql -> gaql.contains("segments.date BETWEEN"),
                WireResponse.json(200, Fixtures.read("google/searchstream.response.json")));

        List<CampaignDailyPerformance> rows = readAll(FIXTURE_DAYS);

        assertThat(rows).allSatisfy(row -> {
            assertThat(row.spend().currency()).isEqualTo("JPY");
            assertThat(row.revenue().currency()).isEqualTo("JPY");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON | <html>oops</html>",
            "an object instead of an array | {\"results\":[]}",
            "results that are not an array | [{\"results\":{}}]",
            "a batch that is not an object | [1]",
            "an int64 that is not a number | [{\"results\":[{\"campaign\":{\"id\":\"1\"},\"metrics\":{\"costMicros\":\"12.5\"},\"segments\":{\"date\":\"2026-09-01\"}}]}]",
            "a row without campaign id | [{\"results\":[{\"campaign\":{},\"metrics\":{},\"segments\":{\"date\":\"2026-09-01\"}}]}]",
            "a row without date | [{\"results\":[{\"campaign\":{\"id\":\"1\"},\"metrics\":{}}]}]",
            "a date that is not a day | [{\"results\":[{\"campaign\":{\"id\":\"1\"},\"metrics\":{},\"segments\":{\"date\":\"01/09/2026\"}}]}]",
            "a negative cost | [{\"results\":[{\"campaign\":{\"id\":\"1\"},\"metrics\":{\"costMicros\":\"-5\"},\"segments\":{\"date\":\"2026-09-01\"}}]}]",
            "conversions as text | [{\"results\":[{\"campaign\":{\"id\":\"1\"},\"metrics\":{\"conversions\":\"1.5\"},\"segments\":{\"date\":\"2026-09-01\"}}]}]",
            "a truncated body | [{\"results\":[{\"campaign\":{\"id\":\"1\"}",
    })
    void failsAsMalformedAndReturnsNothingFor(String what, String body) {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("segments.date BETWEEN"), WireResponse.json(200, body));

        assertThat(failure(collector.dailyPerformance(GoogleWire.context(google), GoogleWire.CUSTOMER, FIXTURE_DAYS, null))
                .failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown currency | XYZ | America/New_York",
            "an unknown time zone | USD | Mars/Olympus_Mons",
    })
    void failsAsMalformedWhenTheAccountSettingsAreUnusable(String what, String currency, String zone) {
        GoogleWire.onQuery(google, GoogleWire::isSettingsQuery, WireResponse.json(200, GoogleWire.settings(currency, zone)));

        assertThat(failure(collector.dailyPerformance(GoogleWire.context(google), GoogleWire.CUSTOMER, FIXTURE_DAYS, null))
                .failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsTheWholePageWhenTheStreamEndsWithAnErrorInsideAnHttp200() {
        GoogleWire.onSettings(google);
        String rowsThenError = Fixtures.read("google/searchstream.response.json").stripTrailing();
        String body = rowsThenError.substring(0, rowsThenError.length() - 1) + ","
                + Fixtures.read("google/searchstream.error.resource-exhausted.json").strip().substring(1);
        GoogleWire.onQuery(google, gaql -> gaql.contains("segments.date BETWEEN"), WireResponse.json(200, body));

        var failure = failure(collector.dailyPerformance(GoogleWire.context(google), GoogleWire.CUSTOMER, FIXTURE_DAYS, null));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(java.time.Duration.ofSeconds(40591));
    }

    @Test
    void retriesAServerErrorThroughTheHostTransportAndThenReadsTheRows() {
        serveDaily("google/searchstream.response.json");
        google.once("POST", GoogleWire.SEARCH).respond(WireResponse.json(503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}"));

        Page<CampaignDailyPerformance> page = await(collector.dailyPerformance(GoogleWire.context(google),
                GoogleWire.CUSTOMER, FIXTURE_DAYS, null));

        assertThat(page.items()).hasSize(42);
    }

    @Test
    void failsAsTransientWhenServerErrorsOutlastTheHostsRetries() {
        google.on("POST", GoogleWire.SEARCH).respond(WireResponse.json(500, "{\"error\":{\"code\":500,\"status\":\"INTERNAL\"}}"));

        var failure = failure(collector.dailyPerformance(GoogleWire.context(google), GoogleWire.CUSTOMER, FIXTURE_DAYS, null));

        assertThat(failure.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(google.requests()).hasSize(3);
    }

    @Test
    void failsWithNeedsReauthBeforeAnyRequestWhenTheConnectionHasNoAccessToken() {
        var failure = failure(collector.dailyPerformance(GoogleWire.context(google, Credentials.none()),
                GoogleWire.CUSTOMER, FIXTURE_DAYS, null));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(google.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"act_123", "12345abc", ""})
    void rejectsAnAccountIdThatIsNotACustomerIdBeforeAnyRequest(String accountId) {
        assertThat(failure(collector.dailyPerformance(GoogleWire.context(google), accountId, FIXTURE_DAYS, null)).failure())
                .isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void rejectsACursorOutsideTheRange() {
        assertThat(failure(collector.dailyPerformance(GoogleWire.context(google), GoogleWire.CUSTOMER, FIXTURE_DAYS,
                "2027-01-01")).failure()).isEqualTo(Failure.REJECTED);
    }

    private static BigDecimal sumOfConversions(List<CampaignDailyPerformance> rows) {
        return rows.stream().map(row -> BigDecimal.valueOf(row.conversions()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
