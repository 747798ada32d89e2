package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Insights from the simulation: Meta's strings and action types, its levels, days and buckets. */
class MetaInsightsTest {

    private static final String FIELDS = "campaign_id,spend,impressions,clicks,actions,action_values,purchase_roas";

    private final MetaApi meta = new MetaApi(12);

    @AfterEach
    void close() {
        meta.close();
    }

    private List<JsonNode> rows(String... query) {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode page = meta.get("act_1001/insights", query).json();
        page.get("data").forEach(rows::add);
        while (page.at("/paging/next").isTextual()) {
            page = meta.open(page.at("/paging/next").asText()).json();
            page.get("data").forEach(rows::add);
        }
        return rows;
    }

    private static String range(LocalDate since, LocalDate until) {
        return "{\"since\":\"" + since + "\",\"until\":\"" + until + "\"}";
    }

    private static Optional<String> value(JsonNode list, String type) {
        for (JsonNode entry : list) {
            if (entry.get("action_type").asText().equals(type)) {
                return Optional.of(entry.get("value").asText());
            }
        }
        return Optional.empty();
    }

    @Test
    void reportsEachCampaignDayAsTheSimulationDoesWithEveryPurchaseUnderThreeTypes() {
        LocalDate today = meta.account.today();
        Map<String, DayOutcome> expected = new LinkedHashMap<>();
        meta.account.report(today.minusDays(13), today).forEach(day -> expected.put(day.campaignId() + "@" + day.date(), day));

        List<JsonNode> rows = rows("fields", FIELDS, "level", "campaign", "time_increment", "1",
                "time_range", range(today.minusDays(13), today), "limit", "30");

        assertThat(rows).hasSize(expected.size());
        for (JsonNode row : rows) {
            DayOutcome day = expected.get(row.get("campaign_id").asText() + "@" + row.get("date_start").asText());
            assertThat(row.get("date_stop")).isEqualTo(row.get("date_start"));
            assertThat(new BigDecimal(row.get("spend").asText())).isEqualTo(BigDecimal.valueOf(day.spendMicros(), 6).setScale(2));
            assertThat(row.get("impressions").asText()).isEqualTo(Long.toString(day.impressions()));
            assertThat(row.get("clicks").asText()).isEqualTo(Long.toString(day.clicks()));
            for (String type : InsightsRenderer.PURCHASE_TYPES) {
                assertThat(value(row.path("actions"), type)).as("%s count", type)
                        .isEqualTo(day.conversions() == 0 ? Optional.empty() : Optional.of(Long.toString(day.conversions())));
                assertThat(value(row.path("action_values"), type).map(BigDecimal::new)).as("%s value", type)
                        .isEqualTo(day.revenueMicros() == 0 ? Optional.empty()
                                : Optional.of(BigDecimal.valueOf(day.revenueMicros(), 6).setScale(2)));
            }
        }
    }

    @Test
    void ordersRowsByDayThenCampaign() {
        List<JsonNode> rows = rows("fields", "campaign_id", "level", "campaign", "time_increment", "1",
                "date_preset", "last_7d");

        List<String> keys = rows.stream().map(row -> row.get("date_start").asText() + row.get("campaign_id").asText()).toList();
        assertThat(keys).isSorted();
    }

    @Test
    void theAccountLevelSumsTheCampaignsOfEachDay() {
        LocalDate day = meta.account.today().minusDays(3);
        long spend = meta.account.report(day, day).stream().mapToLong(DayOutcome::spendMicros).sum();

        List<JsonNode> rows = rows("fields", "spend,impressions", "level", "account", "time_increment", "1",
                "time_range", range(day, day));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("spend").asText()).isEqualTo(MetaUnits.decimal(spend, "USD"));
        assertThat(rows.get(0).has("campaign_id")).isFalse();
    }

    @ParameterizedTest(name = "time_increment={0}")
    @CsvSource({"all_days, 1", "7, 2", "1, 14", "monthly, 2"})
    void bucketsTheDaysByTheTimeIncrement(String increment, int rowsPerCampaign) {
        SimulatedCampaign campaign = meta.account.campaigns().get(0);
        String range = range(LocalDate.of(2026, 8, 25), LocalDate.of(2026, 9, 7));

        List<JsonNode> rows = meta.get(campaign.id() + "/insights", "fields", "spend", "time_increment", increment,
                "time_range", range).json().withArray("data").findParents("date_start");

        assertThat(rows).hasSize(rowsPerCampaign);
        assertThat(rows.get(0).get("date_start").asText()).isEqualTo("2026-08-25");
        assertThat(rows.get(rows.size() - 1).get("date_stop").asText()).isEqualTo("2026-09-07");
    }

    @Test
    void daysAreTheAccountsDaysSoTomorrowInUtcHasNoRows() {
        LocalDate today = meta.account.today();
        assertThat(today).isEqualTo(LocalDate.of(2026, 9, 14));

        List<JsonNode> rows = rows("level", "campaign", "time_increment", "1", "time_range", range(today, today.plusDays(1)));

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("date_start").asText()).isEqualTo("2026-09-14"));
    }

    @Test
    void theLastDaysPresetsEndYesterday() {
        List<JsonNode> rows = rows("level", "account", "time_increment", "1", "date_preset", "last_7d");

        assertThat(rows).extracting(row -> row.get("date_start").asText())
                .containsExactly("2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11", "2026-09-12",
                        "2026-09-13");
    }

    @Test
    void aRowWithoutPurchasesLeavesOutItsValuesAndRoas() {
        SimulatedCampaign campaign = meta.account.campaigns().get(0);
        InsightsRows.Row row = new InsightsRows.Row(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1),
                Optional.of(campaign), 93_080_000L, 30_918, 140, 0, 0);

        JsonNode written = InsightsRenderer.row(meta.account, row, "campaign", Fields.parse(FIELDS));

        assertThat(written.has("action_values")).isFalse();
        assertThat(written.has("purchase_roas")).isFalse();
        assertThat(value(written.get("actions"), "link_click")).contains("98");
        assertThat(value(written.get("actions"), "omni_purchase")).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "time_range|{\"since\":\"2026-09-10\",\"until\":\"2026-09-01\"}",
            "time_range|2026-09-01",
            "date_preset|last_century",
            "time_increment|91",
            "level|creative",
            "filtering|[{\"field\":\"campaign.budget\",\"operator\":\"EQUAL\",\"value\":1}]"})
    void refusesParametersMetaWouldRefuse(String name, String value) {
        MetaApi.Reply reply = meta.get("act_1001/insights", name, value);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asInt()).isEqualTo(100);
        assertThat(reply.error().get("message").asText()).startsWith("(#100)");
    }

    @Test
    void filtersByCampaign() {
        String id = meta.account.campaigns().get(3).id();

        List<JsonNode> rows = rows("fields", "campaign_id", "level", "campaign", "time_increment", "1",
                "date_preset", "last_7d", "filtering",
                "[{\"field\":\"campaign.id\",\"operator\":\"IN\",\"value\":[\"" + id + "\"]}]");

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("campaign_id").asText()).isEqualTo(id));
    }
}
