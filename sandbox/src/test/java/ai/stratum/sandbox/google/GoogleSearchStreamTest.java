package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleSearchStreamTest {

    /** The fixture's query: 2026-09-01 to 2026-09-14, the days before the clock's today. */
    private static final String DAILY = GoogleApi.json(GoogleFixtures.SEARCH_STREAM_REQUEST).path("query").asText();

    private final GoogleApi google = new GoogleApi();

    @AfterEach
    void close() {
        google.close();
    }

    @Test
    void answersTheFixturesDailyQueryInTheFixturesShape() {
        HttpResponse<String> response = google.search(DAILY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("request-id")).isPresent();
        JsonNode body = GoogleApi.json(response.body());
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.SEARCH_STREAM), body);
        assertThat(body.get(0).path("fieldMask").asText())
                .isEqualTo(GoogleApi.json(GoogleFixtures.SEARCH_STREAM).get(0).path("fieldMask").asText());
        assertThat(body.get(0).path("results").size()).isGreaterThan(GoogleApi.CAMPAIGNS);
    }

    @Test
    void reportsEveryDayOfEveryCampaignExactlyAsTheSimulationDoes() {
        List<DayOutcome> expected = google.account().report(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-14"));

        List<JsonNode> rows = google.rows(DAILY);

        assertThat(rows).hasSize(expected.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode row : rows) {
            String campaign = row.path("campaign").path("id").asText();
            LocalDate day = LocalDate.parse(row.path("segments").path("date").asText());
            DayOutcome outcome = expected.stream().filter(o -> o.campaignId().equals(campaign) && o.date().equals(day))
                    .findFirst().orElseThrow();
            JsonNode metrics = row.path("metrics");
            assertThat(metrics.path("costMicros").asText()).isEqualTo(String.valueOf(outcome.spendMicros()));
            assertThat(metrics.path("impressions").asText()).isEqualTo(String.valueOf(outcome.impressions()));
            assertThat(metrics.path("clicks").asText()).isEqualTo(String.valueOf(outcome.clicks()));
            assertThat(metrics.path("conversions").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(outcome.conversions()));
            assertThat(metrics.path("conversionsValue").decimalValue().movePointRight(6).longValueExact())
                    .isEqualTo(outcome.revenueMicros());
            assertThat(seen.add(campaign + "@" + day)).isTrue();
        }
    }

    @Test
    void writesMoneyValuesAsPlainDecimalsAndInt64AsStrings() {
        JsonNode metrics = google.rows(DAILY).get(0).path("metrics");

        assertThat(metrics.path("costMicros").isTextual()).isTrue();
        assertThat(metrics.path("conversionsValue").isNumber()).isTrue();
        assertThat(metrics.path("conversionsValue").toString()).doesNotContain("E");
    }

    @Test
    void splitsALongAnswerIntoBatchesWithTheConsumptionOnlyInTheLast() {
        try (GoogleApi small = new GoogleApi(7)) {
            JsonNode batches = GoogleApi.json(small.search(DAILY).body());

            assertThat(batches.size()).isGreaterThan(2);
            for (int i = 0; i < batches.size(); i++) {
                JsonNode batch = batches.get(i);
                assertThat(batch.path("results").size()).isBetween(1, 7);
                assertThat(batch.path("requestId").asText()).isEqualTo(batches.get(0).path("requestId").asText());
                assertThat(batch.has("queryResourceConsumption")).isEqualTo(i == batches.size() - 1);
            }
            assertThat(small.rows(DAILY)).hasSize(google.rows(DAILY).size());
        }
    }

    @Test
    void answersAQueryMatchingNothingWithOneBatchWithoutResults() {
        JsonNode body = GoogleApi.json(google.search(DAILY.replace("'2026-09-01' AND '2026-09-14'",
                "'2020-01-01' AND '2020-01-31'")).body());

        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.SEARCH_STREAM_EMPTY), body);
    }

    @Test
    void listsEveryCampaignWithItsOwnDailyBudgetAndGoogleStatus() {
        List<JsonNode> rows = google.rows("SELECT campaign.id, campaign.name, campaign.status, "
                + "campaign.advertising_channel_type, campaign.campaign_budget, campaign_budget.period, "
                + "campaign_budget.amount_micros, campaign_budget.total_amount_micros, campaign_budget.explicitly_shared "
                + "FROM campaign ORDER BY campaign.id ASC");

        assertThat(rows).hasSize(GoogleApi.CAMPAIGNS);
        for (JsonNode row : rows) {
            SimulatedCampaign campaign = google.account().campaign(row.path("campaign").path("id").asText()).orElseThrow();
            JsonNode budget = row.path("campaignBudget");
            assertThat(row.path("campaign").path("name").asText()).isEqualTo(campaign.profile().name());
            assertThat(row.path("campaign").path("status").asText())
                    .isEqualTo(campaign.status() == EntityStatus.ACTIVE ? "ENABLED" : "PAUSED");
            assertThat(row.path("campaign").path("advertisingChannelType").asText()).isIn("PERFORMANCE_MAX", "SEARCH", "DISPLAY");
            assertThat(row.path("campaign").path("campaignBudget").asText()).isEqualTo(budget.path("resourceName").asText());
            assertThat(budget.path("amountMicros").asText()).isEqualTo(String.valueOf(campaign.dailyBudgetMicros()));
            assertThat(budget.path("period").asText()).isEqualTo("DAILY");
            assertThat(budget.path("explicitlyShared").isBoolean()).isTrue();
            assertThat(budget.has("totalAmountMicros")).isFalse();
        }
        assertThat(rows).extracting(row -> row.path("campaign").path("id").asLong()).isSorted();
    }

    @Test
    void readsTheCustomersCurrencyAndTimeZone() {
        JsonNode customer = google.rows("SELECT customer.currency_code, customer.time_zone FROM customer").get(0)
                .path("customer");

        assertThat(customer.path("resourceName").asText()).isEqualTo("customers/" + GoogleApi.CUSTOMER);
        assertThat(customer.path("currencyCode").asText()).isEqualTo("USD");
        assertThat(customer.path("timeZone").asText()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void filtersOrdersAndLimitsAsTheQuerySays() {
        long enabled = google.account().campaigns().stream().filter(c -> c.status() == EntityStatus.ACTIVE).count();

        List<JsonNode> rows = google.rows("SELECT campaign.id, campaign.status FROM campaign "
                + "WHERE campaign.status = 'ENABLED' ORDER BY campaign.id DESC");
        List<JsonNode> limited = google.rows("SELECT campaign.id FROM campaign ORDER BY campaign.id DESC LIMIT 3");

        assertThat(rows).hasSize((int) enabled).allSatisfy(row -> assertThat(row.path("campaign").path("status").asText())
                .isEqualTo("ENABLED"));
        assertThat(rows).extracting(row -> -row.path("campaign").path("id").asLong()).isSorted();
        assertThat(limited).extracting(row -> row.path("campaign").path("id").asText())
                .containsExactlyElementsOf(rows.stream().limit(3).map(row -> row.path("campaign").path("id").asText()).toList());
    }

    @Test
    void findsTheNewestDayWithImpressionsAtTheCustomerLevel() {
        LocalDate today = google.account().today();

        List<JsonNode> rows = google.rows("SELECT segments.date, metrics.impressions FROM customer WHERE segments.date "
                + "BETWEEN '" + today.minusDays(89) + "' AND '" + today + "' AND metrics.impressions > 0 "
                + "ORDER BY segments.date DESC LIMIT 1");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("segments").path("date").asText()).isEqualTo(today.toString());
        long impressions = google.account().report(today, today).stream().mapToLong(DayOutcome::impressions).sum();
        assertThat(rows.get(0).path("metrics").path("impressions").asText()).isEqualTo(String.valueOf(impressions));
    }

    @Test
    void countsThePurchasesAgainInAllConversionsWithTheSecondaryActions() {
        List<JsonNode> rows = google.rows("SELECT campaign.id, segments.date, metrics.conversions, "
                + "metrics.all_conversions, metrics.conversions_value, metrics.all_conversions_value, metrics.clicks "
                + "FROM campaign WHERE segments.date DURING LAST_7_DAYS");

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            JsonNode metrics = row.path("metrics");
            assertThat(metrics.path("allConversions").decimalValue()).isEqualByComparingTo(metrics.path("conversions")
                    .decimalValue().add(BigDecimal.valueOf(metrics.path("clicks").asLong() / 25)));
            assertThat(metrics.path("allConversionsValue").decimalValue())
                    .isEqualByComparingTo(metrics.path("conversionsValue").decimalValue());
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "SELECT campaign.id, campaign.budget_amount FROM campaign | UNRECOGNIZED_FIELD",
            "campaign.id FROM campaign | EXPECTED_SELECT",
            "SELECT campaign.id | EXPECTED_FROM",
            "SELECT campaign.id FROM ad_group_ad | BAD_RESOURCE_TYPE_IN_FROM_CLAUSE",
            "SELECT user_list.id, metrics.clicks FROM user_list | PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE",
            "SELECT campaign.id, segments.date, metrics.clicks FROM campaign | EXPECTED_FILTERS_ON_DATE_RANGE",
            "SELECT campaign.id FROM campaign WHERE campaign.status = 'RUNNING' | BAD_ENUM_CONSTANT",
            "SELECT campaign.id FROM campaign WHERE campaign.name = 7 | INVALID_STRING_VALUE",
            "SELECT campaign.id FROM campaign WHERE segments.date BETWEEN '2026-09-14' AND '2026-09-01' | DATE_RANGE_TOO_NARROW",
            "SELECT campaign.id FROM campaign WHERE segments.date BETWEEN '2026-09-01' AND 'today' | INVALID_VALUE_WITH_BETWEEN_OPERATOR",
            "SELECT campaign.id FROM campaign WHERE campaign.id IN () | PROHIBITED_EMPTY_LIST_IN_CONDITION",
            "SELECT campaign.id FROM campaign WHERE campaign.id ~ 3 | BAD_SYMBOL",
            "SELECT campaign.id FROM campaign WHERE campaign.name = 'open | STRING_NOT_TERMINATED",
            "SELECT campaign.id FROM campaign LIMIT 0 | LIMIT_VALUE_TOO_LOW",
            "SELECT campaign.id FROM campaign ORDER campaign.id | EXPECTED_BY",
            "SELECT campaign.id FROM campaign WHERE | UNEXPECTED_END_OF_QUERY",
            "SELECT campaign.id FROM campaign LIMIT 5 campaign.name | UNEXPECTED_INPUT",
    })
    void refusesABadQueryWithGooglesQueryErrorInsideAnArray(String gaql, String error) {
        HttpResponse<String> response = google.search(gaql);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode failure = GoogleApi.json(response.body()).get(0).path("error");
        assertThat(failure.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(failure.path("details").path(0).path("errors").path(0).path("errorCode").path("queryError").asText())
                .isEqualTo(error);
    }
}
