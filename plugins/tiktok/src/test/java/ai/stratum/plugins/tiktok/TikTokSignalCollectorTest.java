package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.ADVERTISER;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.TOKEN;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.doc;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.join;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.path;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.shared;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TikTokSignalCollectorTest {

    private static final DateRange SCENARIO = new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 14));

    private final TikTokTestPlatform tiktok = new TikTokTestPlatform().servesAdvertiserInfo();
    private final TikTokSignalCollector collector = new TikTokSignalCollector();
    private final ConnectorContext context = tiktok.context();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private void servesScenarioReport() {
        tiktok.server.on("GET", path("report/integrated/get")).withQuery("page", "1")
                .respond(shared("report.integrated.campaign-daily.page1.json"));
        tiktok.server.on("GET", path("report/integrated/get")).withQuery("page", "2")
                .respond(shared("report.integrated.campaign-daily.page2.json"));
    }

    private List<CampaignDailyPerformance> allRows(DateRange range) {
        List<CampaignDailyPerformance> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<CampaignDailyPerformance> page = join(collector.dailyPerformance(context, ADVERTISER, range, cursor));
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    @Test
    void readsBothReportPagesAndMatchesTheExpectedTotalsToTheMicro() {
        servesScenarioReport();

        List<CampaignDailyPerformance> rows = allRows(SCENARIO);

        JsonNode expected = TikTokTestPlatform.json(Fixtures.read("tiktok/expected-totals.json")).path("overall");
        assertThat(rows).hasSize(expected.path("rows").intValue());
        assertThat(rows.stream().mapToLong(row -> row.spend().micros()).sum())
                .isEqualTo(Money.parse(expected.path("spend").asText(), "USD").micros());
        assertThat(rows.stream().mapToLong(row -> row.revenue().micros()).sum())
                .isEqualTo(Money.parse(expected.path("revenue").asText(), "USD").micros());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::impressions).sum())
                .isEqualTo(expected.path("impressions").longValue());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::clicks).sum())
                .isEqualTo(expected.path("clicks").longValue());
        assertThat(rows.stream().mapToDouble(CampaignDailyPerformance::conversions).sum())
                .isEqualTo(expected.path("purchases").doubleValue());
        assertThat(rows).allSatisfy(row -> assertThat(row.spend().currency()).isEqualTo("USD"));
    }

    @Test
    void countsEachCampaignsWebPurchasesOnceWithTheirValue() {
        servesScenarioReport();

        Map<String, List<CampaignDailyPerformance>> byCampaign = allRows(SCENARIO).stream()
                .collect(Collectors.groupingBy(CampaignDailyPerformance::campaignId));

        JsonNode campaigns = TikTokTestPlatform.json(Fixtures.read("tiktok/expected-totals.json")).path("campaigns");
        assertThat(byCampaign).hasSize(campaigns.size());
        campaigns.fields().forEachRemaining(entry -> {
            List<CampaignDailyPerformance> rows = byCampaign.get(entry.getKey());
            assertThat(rows).hasSize(entry.getValue().path("days").intValue());
            assertThat(rows.stream().mapToDouble(CampaignDailyPerformance::conversions).sum())
                    .as("purchases of %s", entry.getKey()).isEqualTo(entry.getValue().path("purchases").doubleValue());
            assertThat(rows.stream().mapToLong(row -> row.revenue().micros()).sum())
                    .as("revenue of %s", entry.getKey())
                    .isEqualTo(Money.parse(entry.getValue().path("revenue").asText(), "USD").micros());
            assertThat(rows.stream().mapToLong(row -> row.spend().micros()).sum())
                    .isEqualTo(Money.parse(entry.getValue().path("spend").asText(), "USD").micros());
        });
    }

    @Test
    void keepsTikToksDayAndExactAmountsOnEachRow() {
        servesScenarioReport();

        CampaignDailyPerformance first = join(collector.dailyPerformance(context, ADVERTISER, SCENARIO, null)).items().get(0);

        assertThat(first).isEqualTo(new CampaignDailyPerformance("1812345678901234", LocalDate.of(2026, 9, 1),
                new Money(289_330_000, "USD"), 39_430, 395, 11, new Money(790_240_000, "USD")));
    }

    @Test
    void asksForTheCampaignDayReportAsTikTokWantsIt() {
        servesScenarioReport();

        allRows(SCENARIO);

        List<RecordedRequest> reports = tiktok.server.requests("GET", path("report/integrated/get"));
        assertThat(reports).extracting(request -> request.query().get("page")).containsExactly("1", "2");
        RecordedRequest first = reports.get(0);
        assertThat(first.query()).containsEntry("advertiser_id", ADVERTISER)
                .containsEntry("report_type", "BASIC")
                .containsEntry("data_level", "AUCTION_CAMPAIGN")
                .containsEntry("dimensions", "[\"campaign_id\",\"stat_time_day\"]")
                .containsEntry("metrics", "[\"spend\",\"impressions\",\"clicks\",\"complete_payment\","
                        + "\"total_complete_payment_rate\"]")
                .containsEntry("start_date", "2026-09-01")
                .containsEntry("end_date", "2026-09-14")
                .containsEntry("page_size", "1000");
        assertThat(first.header("Access-Token")).contains(TOKEN);
        assertThat(first.header("Authorization")).isEmpty();
        assertThat(tiktok.server.requests("GET", path("advertiser/info")))
                .as("the currency is read once, then carried in the cursor").hasSize(1)
                .first().satisfies(info -> assertThat(info.query()).containsEntry("advertiser_ids", "[\"" + ADVERTISER + "\"]"));
        assertThat(tiktok.server.unmatched()).isEmpty();
    }

    @Test
    void readsRangesLongerThanThirtyDaysInChunksOfThirty() {
        tiktok.server.on("GET", path("report/integrated/get")).respond(WireResponse.json(200,
                "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"page_info\":{\"page\":1,"
                        + "\"page_size\":1000,\"total_number\":0,\"total_page\":0},\"list\":[]}}"));

        List<CampaignDailyPerformance> rows = allRows(new DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 14)));

        assertThat(rows).isEmpty();
        assertThat(tiktok.server.requests("GET", path("report/integrated/get")))
                .extracting(request -> request.query().get("start_date") + ".." + request.query().get("end_date"))
                .containsExactly("2026-07-01..2026-07-30", "2026-07-31..2026-08-29", "2026-08-30..2026-09-14");
    }

    @Test
    void readsEveryCampaignPageWithStatusBudgetAndObjective() {
        tiktok.server.on("GET", path("campaign/get")).withQuery("page", "1").respond(doc("campaign.get.page1.json"));
        tiktok.server.on("GET", path("campaign/get")).withQuery("page", "2").respond(doc("campaign.get.page2.json"));

        Page<Campaign> first = join(collector.campaigns(context, ADVERTISER, null));
        Page<Campaign> second = join(collector.campaigns(context, ADVERTISER, first.nextCursor()));

        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        List<Campaign> campaigns = new ArrayList<>(first.items());
        campaigns.addAll(second.items());
        assertThat(campaigns).containsExactly(
                new Campaign("1812345678901234", "Conversions | Spark Ads | US", EntityStatus.ACTIVE, "WEB_CONVERSIONS",
                        List.of(new Budget(BudgetPeriod.DAILY, new Money(350_000_000, "USD")))),
                new Campaign("1812345678905678", "Retargeting | Catalog VSA | US", EntityStatus.ACTIVE, "PRODUCT_SALES",
                        List.of(new Budget(BudgetPeriod.LIFETIME, new Money(4_321_990_000L, "USD")))),
                new Campaign("1812345678909012", "Reach | TopFeed | US", EntityStatus.ACTIVE, "REACH", List.of()),
                new Campaign("1812345678903456", "Traffic | Evergreen | US", EntityStatus.PAUSED, "TRAFFIC",
                        List.of(new Budget(BudgetPeriod.DAILY, new Money(50_500_000, "USD")))),
                new Campaign("1812345678907890", "Old Launch | US", EntityStatus.DELETED, "VIDEO_VIEWS",
                        List.of(new Budget(BudgetPeriod.DAILY, new Money(20_000_000, "USD")))));
        assertThat(tiktok.server.requests("GET", path("campaign/get")))
                .allSatisfy(request -> assertThat(request.query()).containsEntry("advertiser_id", ADVERTISER)
                        .containsEntry("page_size", "1000"));
    }

    @Test
    void hasNoEventMatchQualityReadings() {
        assertThat(join(collector.eventMatchQuality(context, ADVERTISER))).isEmpty();
        assertThat(tiktok.server.requests()).isEmpty();
    }
}
