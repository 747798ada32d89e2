package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.Objective;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ai.stratum.sandbox.tiktok.TikTokFixtures.shape;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.ADVERTISER;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.data;
import static org.assertj.core.api.Assertions.assertThat;

class TikTokReadsTest {

    private static final String CAMPAIGN_METRICS =
            "[\"spend\",\"impressions\",\"clicks\",\"conversion\",\"complete_payment\",\"total_complete_payment_rate\","
                    + "\"total_purchase_value\"]";

    private final TikTokSandbox tiktok = new TikTokSandbox();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private JsonNode campaignReport(LocalDate from, LocalDate to, int page, int pageSize) {
        return Json.read(tiktok.get("report/integrated/get", Map.of("advertiser_id", ADVERTISER, "report_type", "BASIC",
                "data_level", "AUCTION_CAMPAIGN", "dimensions", "[\"campaign_id\",\"stat_time_day\"]",
                "metrics", CAMPAIGN_METRICS, "start_date", from.toString(), "end_date", to.toString(),
                "page", String.valueOf(page), "page_size", String.valueOf(pageSize))).body());
    }

    @Test
    void describesTheAdvertiserAsTheFixtureDoes() {
        JsonNode answer = Json.read(tiktok.get("advertiser/info", Map.of("advertiser_ids", "[\"" + ADVERTISER + "\"]"))
                .body());

        Map<String, String> expected = shape(TikTokFixtures.read("tiktok-doc/advertiser.info.json"));
        // the simulation knows no country
        expected.remove("data.list[].country");
        assertThat(shape(answer)).containsAllEntriesOf(expected);
        assertThat(answer.at("/data/list/0/currency").asText()).isEqualTo("USD");
        assertThat(answer.at("/data/list/0/display_timezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(answer.at("/data/list/0/timezone").asText()).as("PDT is seven hours behind UTC").isEqualTo("Etc/GMT+7");
    }

    @Test
    void listsCampaignsAsTheFixtureDoesWithExactBudgets() {
        JsonNode answer = Json.read(tiktok.get("campaign/get", Map.of("advertiser_id", ADVERTISER, "page_size", "1000"))
                .body());

        assertThat(shape(answer)).containsAllEntriesOf(shape(TikTokFixtures.read("tiktok-doc/campaign.get.page1.json")));
        Map<String, JsonNode> listed = new HashMap<>();
        answer.at("/data/list").forEach(campaign -> listed.put(campaign.path("campaign_id").asText(), campaign));
        for (SimulatedCampaign campaign : tiktok.account.campaigns()) {
            JsonNode shown = listed.get(campaign.id());
            assertThat(shown.path("budget").decimalValue().movePointRight(6).longValueExact())
                    .isEqualTo(campaign.dailyBudgetMicros());
            assertThat(shown.path("operation_status").asText())
                    .isEqualTo(campaign.status() == EntityStatus.ACTIVE ? "ENABLE" : "DISABLE");
            assertThat(shown.path("campaign_name").asText()).isEqualTo(campaign.profile().name());
        }
    }

    @Test
    void pagesCampaignsByPageAndPageSizeWithTenAPageByDefault() {
        JsonNode first = data(tiktok.get("campaign/get", Map.of("advertiser_id", ADVERTISER)));
        JsonNode last = data(tiktok.get("campaign/get", Map.of("advertiser_id", ADVERTISER, "page", "3")));
        JsonNode past = data(tiktok.get("campaign/get", Map.of("advertiser_id", ADVERTISER, "page", "4")));

        assertThat(first.path("list")).hasSize(10);
        assertThat(first.path("page_info")).isEqualTo(Json.read(
                "{\"page\":1,\"page_size\":10,\"total_number\":23,\"total_page\":3}"));
        assertThat(last.path("list")).hasSize(3);
        assertThat(past.path("list")).isEmpty();
        assertThat(past.at("/page_info/total_page").asInt()).isEqualTo(3);
    }

    @Test
    void servesNoMoreRowsAPageThanItsCapAndSaysSo() {
        try (TikTokSandbox capped = new TikTokSandbox(TikTokEmulator.withPageCap(5), Duration.ofHours(1))) {
            JsonNode page = data(capped.get("campaign/get", Map.of("advertiser_id", ADVERTISER, "page_size", "1000")));

            assertThat(page.path("list")).hasSize(5);
            assertThat(page.at("/page_info/page_size").asInt()).isEqualTo(5);
            assertThat(page.at("/page_info/total_page").asInt()).isEqualTo(5);
        }
    }

    @Test
    void keepsOnlyTheFieldsAskedForAndFiltersByCampaignIds() {
        String id = tiktok.account.campaigns().get(4).id();

        JsonNode answer = data(tiktok.get("campaign/get", Map.of("advertiser_id", ADVERTISER,
                "fields", "[\"campaign_id\",\"budget\"]", "filtering", "{\"campaign_ids\":[\"" + id + "\"]}")));

        assertThat(answer.path("list")).hasSize(1);
        assertThat(answer.at("/list/0").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("campaign_id", "budget");
    }

    @Test
    void reportsCampaignDaysAsTheFixtureDoesToTheCent() {
        LocalDate to = tiktok.account.today();
        LocalDate from = to.minusDays(29);
        List<JsonNode> rows = new ArrayList<>();
        JsonNode first = campaignReport(from, to, 1, 100);
        assertThat(shape(first)).containsAllEntriesOf(
                shape(TikTokFixtures.read("tiktok/report.integrated.campaign-daily.page1.json")));
        int totalPage = first.at("/data/page_info/total_page").asInt();
        assertThat(totalPage).isGreaterThan(1);
        for (int number = 1; number <= totalPage; number++) {
            campaignReport(from, to, number, 100).at("/data/list").forEach(rows::add);
        }

        Map<String, DayOutcome> expected = tiktok.account.report(from, to).stream()
                .collect(Collectors.toMap(day -> day.campaignId() + "@" + day.date(), Function.identity()));
        assertThat(rows).hasSize(expected.size());
        for (JsonNode row : rows) {
            String day = row.at("/dimensions/stat_time_day").asText();
            assertThat(day).endsWith(" 00:00:00");
            DayOutcome outcome = expected.get(row.at("/dimensions/campaign_id").asText() + "@" + day.substring(0, 10));
            JsonNode metrics = row.path("metrics");
            assertThat(new BigDecimal(metrics.path("spend").asText()).movePointRight(6).longValueExact())
                    .isEqualTo(outcome.spendMicros());
            assertThat(new BigDecimal(metrics.path("total_complete_payment_rate").asText()).movePointRight(6)
                    .longValueExact()).isEqualTo(outcome.revenueMicros());
            assertThat(metrics.path("complete_payment").asText()).isEqualTo(String.valueOf(outcome.conversions()));
            assertThat(metrics.path("impressions").asText()).isEqualTo(String.valueOf(outcome.impressions()));
            assertThat(metrics.path("clicks").asText()).isEqualTo(String.valueOf(outcome.clicks()));
        }
    }

    @Test
    void countsAPurchaseAgainAsTheOptimizationEventOfSalesCampaignsOnly() {
        LocalDate day = tiktok.account.today().minusDays(3);
        Map<String, Objective> objectives = tiktok.account.campaigns().stream()
                .collect(Collectors.toMap(SimulatedCampaign::id, campaign -> campaign.profile().objective()));

        JsonNode rows = campaignReport(day, day, 1, 1000).at("/data/list");

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            Objective objective = objectives.get(row.at("/dimensions/campaign_id").asText());
            String purchases = row.at("/metrics/complete_payment").asText();
            assertThat(row.at("/metrics/conversion").asText()).isEqualTo(objective == Objective.SALES ? purchases : "0");
            assertThat(row.at("/metrics/total_purchase_value").asText()).as("no in-app purchases").isEqualTo("0.00");
        });
    }

    @Test
    void sumsEveryCampaignIntoTheAdvertisersDays() {
        LocalDate to = tiktok.account.today();
        JsonNode answer = Json.read(tiktok.get("report/integrated/get", Map.of("advertiser_id", ADVERTISER,
                "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\",\"stat_time_day\"]", "metrics", "[\"spend\",\"impressions\"]",
                "start_date", to.minusDays(2).toString(), "end_date", to.toString(), "page_size", "1000")).body());

        assertThat(shape(answer)).containsAllEntriesOf(shape(TikTokFixtures.read("tiktok-doc/report.advertiser-daily.json")));
        JsonNode today = answer.at("/data/list/2");
        assertThat(today.at("/dimensions/stat_time_day").asText()).isEqualTo(to + " 00:00:00");
        long spend = tiktok.account.report(to, to).stream().mapToLong(DayOutcome::spendMicros).sum();
        assertThat(new BigDecimal(today.at("/metrics/spend").asText()).movePointRight(6).longValueExact()).isEqualTo(spend);
    }
}
