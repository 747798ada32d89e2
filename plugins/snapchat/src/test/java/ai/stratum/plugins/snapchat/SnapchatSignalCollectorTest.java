package ai.stratum.plugins.snapchat;

import static ai.stratum.plugins.snapchat.SnapWire.ACCOUNT_ID;
import static ai.stratum.plugins.snapchat.SnapWire.AWARENESS;
import static ai.stratum.plugins.snapchat.SnapWire.CAMPAIGNS;
import static ai.stratum.plugins.snapchat.SnapWire.CATALOG_RETARGETING;
import static ai.stratum.plugins.snapchat.SnapWire.SALES_PIXEL;
import static ai.stratum.plugins.snapchat.SnapWire.valueOf;
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
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapchatSignalCollectorTest {

    private static final String CAMPAIGNS_PATH = "/v1/adaccounts/" + ACCOUNT_ID + "/campaigns";
    private static final DateRange FIXTURE_DAYS = new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 14));
    private static final Instant NOW = Instant.parse("2026-09-15T16:20:00Z");

    private final SnapchatSignalCollector collector = new SnapchatSignalCollector();
    private WireServer snap;
    private ConnectorContext context;

    @BeforeEach
    void startSnap() {
        snap = WireServer.start();
        snap.on("GET", "/v1/adaccounts/" + ACCOUNT_ID).respond(WireResponse.json(200, SnapWire.adAccount()));
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.fixture("snapchat/campaigns.list.json")));
        for (String campaign : CAMPAIGNS) {
            snap.on("GET", "/v1/campaigns/" + campaign + "/stats")
                    .respond(WireResponse.json(200, SnapWire.statsFixture(campaign)));
        }
        context = new TestContexts(TestContexts.TEST_POLICY, Clock.fixed(NOW, ZoneOffset.UTC))
                .context(snap.endpoints(), SnapWire.credentials());
    }

    @AfterEach
    void stopSnap() {
        snap.close();
    }

    @Test
    void readsCampaignsWithStatusObjectiveAndExactMicroBudgets() {
        Page<Campaign> page = valueOf(collector.campaigns(context, ACCOUNT_ID, null));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).containsExactly(
                new Campaign(SALES_PIXEL, "Sales | Pixel Purchase | US", EntityStatus.ACTIVE, "WEB_CONVERSION",
                        List.of(new Budget(BudgetPeriod.DAILY, new Money(250_000_000L, "USD")))),
                new Campaign(CATALOG_RETARGETING, "Sales | Catalog Retargeting | US", EntityStatus.ACTIVE,
                        "WEB_CONVERSION", List.of(new Budget(BudgetPeriod.DAILY, new Money(90_000_000L, "USD")))),
                new Campaign(AWARENESS, "Awareness | Story Ads | US", EntityStatus.ACTIVE, "AWARENESS",
                        List.of(new Budget(BudgetPeriod.DAILY, new Money(60_000_000L, "USD")))));
    }

    @ParameterizedTest(name = "objective_v2_type {0} and objective {1} read as {2}")
    @CsvSource(nullValues = "-", value = {
            "SALES,                    WEB_CONVERSION,  SALES",
            "AWARENESS_AND_ENGAGEMENT, -,               AWARENESS_AND_ENGAGEMENT",
            "-,                        BRAND_AWARENESS, BRAND_AWARENESS",
            "-,                        -,               ''"
    })
    void readsTheCurrentObjectiveBeforeTheDeprecatedOne(String v2Type, String legacy, String expected) {
        ObjectNode campaign = SnapWire.listedCampaign(SALES_PIXEL);
        campaign.remove("objective");
        if (legacy != null) {
            campaign.put("objective", legacy);
        }
        if (v2Type != null) {
            campaign.putObject("objective_v2_properties").put("objective_v2_type", v2Type);
        }
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200,
                SnapWire.envelope("campaigns", "campaign", List.of(campaign))));

        assertThat(valueOf(collector.campaigns(context, ACCOUNT_ID, null)).items())
                .extracting(Campaign::objective).containsExactly(expected);
    }

    @Test
    void asksForCampaignsWithTheBearerTokenAndTheLargestPage() {
        valueOf(collector.campaigns(context, ACCOUNT_ID, null));

        RecordedRequest request = snap.requests("GET", CAMPAIGNS_PATH).get(0);
        assertThat(request.header("Authorization")).contains("Bearer " + SnapWire.TOKEN);
        assertThat(request.query()).containsEntry("limit", "1000").doesNotContainKey("cursor");
    }

    @Test
    void followsNextLinkToTheLastCampaignPageOnTheConfiguredHost() {
        List<ObjectNode> listed = SnapWire.listedCampaigns();
        ObjectNode first = SnapWire.json(SnapWire.envelope("campaigns", "campaign", listed.subList(0, 2)));
        // Snap's link names its own host; only the cursor may be taken from it
        first.putObject("paging").put("next_link", "https://adsapi.snapchat.com" + CAMPAIGNS_PATH
                + "?cursor=CnEKFgoJY3JlYXRlZEF0%2BQ&limit=1000");
        snap.on("GET", CAMPAIGNS_PATH).withoutQuery("cursor").respond(WireResponse.json(200, SnapJson.write(first)));
        snap.on("GET", CAMPAIGNS_PATH).withQuery("cursor", "CnEKFgoJY3JlYXRlZEF0+Q")
                .respond(WireResponse.json(200, SnapWire.envelope("campaigns", "campaign", listed.subList(2, 3))));

        List<Campaign> all = new ArrayList<>();
        Page<Campaign> page = valueOf(collector.campaigns(context, ACCOUNT_ID, null));
        all.addAll(page.items());
        assertThat(page.hasNext()).isTrue();
        page = valueOf(collector.campaigns(context, ACCOUNT_ID, page.nextCursor()));
        all.addAll(page.items());

        assertThat(page.hasNext()).isFalse();
        assertThat(all).extracting(Campaign::id).containsExactlyElementsOf(CAMPAIGNS);
        assertThat(snap.requests("GET", "/v1/adaccounts/" + ACCOUNT_ID)).as("the currency rides in the cursor")
                .hasSize(1);
        assertThat(snap.unmatched()).isEmpty();
    }

    @Test
    void gathersTheCampaignsStatsIntoOnePageAndMatchesTheExpectedTotalsToTheMicro() {
        List<Page<CampaignDailyPerformance>> pages = allPages(FIXTURE_DAYS);
        List<CampaignDailyPerformance> rows = pages.stream().flatMap(page -> page.items().stream()).toList();

        assertThat(pages).hasSize(1);
        assertThat(rows).hasSize(42);
        JsonNode expected = SnapWire.json(SnapWire.fixture("snapchat/expected-totals.json"));
        Map<String, List<CampaignDailyPerformance>> byCampaign =
                rows.stream().collect(Collectors.groupingBy(CampaignDailyPerformance::campaignId));
        for (String campaign : CAMPAIGNS) {
            JsonNode totals = expected.get("campaigns").get(campaign);
            List<CampaignDailyPerformance> days = byCampaign.get(campaign);
            assertThat(days).hasSize(totals.get("days").asInt());
            assertThat(sumSpend(days)).isEqualTo(micros(totals.get("spend").asText()));
            assertThat(sumRevenue(days)).isEqualTo(micros(totals.get("revenue").asText()));
            assertThat(days.stream().mapToLong(CampaignDailyPerformance::impressions).sum())
                    .isEqualTo(totals.get("impressions").asLong());
            assertThat(days.stream().mapToLong(CampaignDailyPerformance::clicks).sum())
                    .isEqualTo(totals.get("clicks").asLong());
            assertThat(days.stream().mapToDouble(CampaignDailyPerformance::conversions).sum())
                    .isEqualTo(totals.get("purchases").asDouble());
        }
        assertThat(sumSpend(rows)).isEqualTo(expected.get("spend_micro_total").asLong())
                .isEqualTo(micros(expected.get("overall").get("spend").asText()));
        assertThat(sumRevenue(rows)).isEqualTo(micros(expected.get("overall").get("revenue").asText()));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.spend().currency()).isEqualTo("USD");
            assertThat(row.revenue().currency()).isEqualTo("USD");
        });
    }

    @Test
    void countsPurchasesAndTheirMicroValueAsConversionsAndSwipesAsClicks() {
        List<CampaignDailyPerformance> rows = allRows(FIXTURE_DAYS);

        // the fixture's first day of the pixel campaign: 392 swipes, 12 purchases worth 819,860,000 micros
        CampaignDailyPerformance first = rows.stream()
                .filter(row -> row.campaignId().equals(SALES_PIXEL) && row.date().equals(LocalDate.of(2026, 9, 1)))
                .findFirst().orElseThrow();
        assertThat(first).isEqualTo(new CampaignDailyPerformance(SALES_PIXEL, LocalDate.of(2026, 9, 1),
                new Money(225_030_000L, "USD"), 50_723, 392, 12, new Money(819_860_000L, "USD")));
        assertThat(rows.stream().filter(row -> row.campaignId().equals(AWARENESS)))
                .allSatisfy(row -> {
                    assertThat(row.conversions()).isZero();
                    assertThat(row.revenue()).isEqualTo(new Money(0, "USD"));
                });
    }

    @Test
    void datesEachRowWithTheAccountsLocalDay() {
        List<CampaignDailyPerformance> rows = allRows(FIXTURE_DAYS);

        assertThat(rows.stream().filter(row -> row.campaignId().equals(SALES_PIXEL)))
                .extracting(CampaignDailyPerformance::date)
                .containsExactlyElementsOf(FIXTURE_DAYS.from().datesUntil(FIXTURE_DAYS.to().plusDays(1)).toList());
    }

    @Test
    void asksForDayStatsBetweenLocalMidnightsWithThePinnedAttributionAndNoEmptyDays() {
        allRows(FIXTURE_DAYS);

        RecordedRequest request = snap.requests("GET", "/v1/campaigns/" + SALES_PIXEL + "/stats").get(0);
        assertThat(request.query()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "granularity", "DAY",
                "fields", "impressions,swipes,spend,conversion_purchases,conversion_purchases_value",
                "start_time", "2026-09-01T00:00:00.000-07:00",
                "end_time", "2026-09-15T00:00:00.000-07:00",
                "swipe_up_attribution_window", "28_DAY",
                "view_attribution_window", "1_DAY",
                "action_report_time", "impression",
                "omit_empty", "true"));
        assertThat(request.header("Authorization")).contains("Bearer " + SnapWire.TOKEN);
    }

    @Test
    void splitsRangesLongerThanThirtyOneDaysIntoWindows() {
        DateRange range = new DateRange(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 14));
        for (String campaign : CAMPAIGNS) {
            snap.on("GET", "/v1/campaigns/" + campaign + "/stats").withQuery("start_time", "2026-08-01T00:00:00.000-07:00")
                    .respond(WireResponse.json(200, emptyStats(campaign, "2026-08-01T00:00:00.000-07:00",
                            "2026-09-01T00:00:00.000-07:00")));
            snap.on("GET", "/v1/campaigns/" + campaign + "/stats").withQuery("start_time", "2026-09-01T00:00:00.000-07:00")
                    .respond(WireResponse.json(200, SnapWire.statsFixture(campaign)));
        }

        List<Page<CampaignDailyPerformance>> pages = allPages(range);

        assertThat(pages).hasSize(1);
        assertThat(pages.stream().mapToInt(page -> page.items().size()).sum()).isEqualTo(42);
        assertThat(snap.requests("GET", "/v1/campaigns/" + SALES_PIXEL + "/stats"))
                .extracting(request -> request.query().get("start_time") + " " + request.query().get("end_time"))
                // sent together, so they may arrive in either order
                .containsExactlyInAnyOrder("2026-08-01T00:00:00.000-07:00 2026-09-01T00:00:00.000-07:00",
                        "2026-09-01T00:00:00.000-07:00 2026-09-15T00:00:00.000-07:00");
        assertThat(snap.unmatched()).isEmpty();
    }

    @Test
    void aPageGathersItsShareOfStatsRequestsAndTheNextResumesWhereItStopped() {
        int perPage = DailyPerformanceWalk.STATS_PER_PAGE;
        int windows = perPage / CAMPAIGNS.size() + 1;
        DateRange range = new DateRange(LocalDate.of(2026, 9, 1).minusDays(31L * (windows - 1)), LocalDate.of(2026, 9, 14));
        List<StatsWindow> split = StatsWindow.split(range);
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        for (String campaign : CAMPAIGNS) {
            for (int window = 0; window < windows - 1; window++) {
                String start = split.get(window).startTime(zone);
                snap.on("GET", "/v1/campaigns/" + campaign + "/stats").withQuery("start_time", start)
                        .respond(WireResponse.json(200, emptyStats(campaign, start, split.get(window).endTime(zone))));
            }
            snap.on("GET", "/v1/campaigns/" + campaign + "/stats").withQuery("start_time", split.get(windows - 1).startTime(zone))
                    .respond(WireResponse.json(200, SnapWire.statsFixture(campaign)));
        }
        // the walk's order is campaign by campaign, window by window; only each campaign's last window has days
        List<Integer> expected = new ArrayList<>();
        for (int request = 0; request < CAMPAIGNS.size() * windows; request++) {
            if (request % perPage == 0) {
                expected.add(0);
            }
            if (request % windows == windows - 1) {
                expected.set(expected.size() - 1, expected.get(expected.size() - 1) + 14);
            }
        }

        List<Page<CampaignDailyPerformance>> pages = allPages(range);

        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages).extracting(page -> page.items().size()).containsExactlyElementsOf(expected);
        assertThat(snap.requests().stream().filter(request -> request.path().endsWith("/stats"))).hasSize(CAMPAIGNS.size() * windows);
        assertThat(snap.unmatched()).isEmpty();
    }

    @Test
    void walksCampaignsOverSeveralCampaignPages() {
        List<ObjectNode> listed = SnapWire.listedCampaigns();
        ObjectNode first = SnapWire.json(SnapWire.envelope("campaigns", "campaign", listed.subList(0, 1)));
        first.putObject("paging").put("next_link", "https://adsapi.snapchat.com" + CAMPAIGNS_PATH + "?cursor=p2&limit=50");
        ObjectNode second = SnapWire.json(SnapWire.envelope("campaigns", "campaign", listed.subList(1, 3)));
        snap.on("GET", CAMPAIGNS_PATH).withoutQuery("cursor").respond(WireResponse.json(200, SnapJson.write(first)));
        snap.on("GET", CAMPAIGNS_PATH).withQuery("cursor", "p2").respond(WireResponse.json(200, SnapJson.write(second)));

        List<CampaignDailyPerformance> rows = allRows(FIXTURE_DAYS);

        assertThat(rows).hasSize(42);
        assertThat(rows.stream().map(CampaignDailyPerformance::campaignId).distinct().toList())
                .containsExactlyElementsOf(CAMPAIGNS);
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).extracting(request -> request.query().get("limit"))
                .containsOnly("50").hasSize(2);
    }

    @Test
    void endsAtOnceForAnAccountWithoutCampaigns() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.envelope("campaigns", "campaign", List.of())));

        Page<CampaignDailyPerformance> page = valueOf(collector.dailyPerformance(context, ACCOUNT_ID, FIXTURE_DAYS, null));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void takesTheEarlierOfSnapsTwoCompletenessTimesAsTheNewestData() {
        snap.on("GET", "/v1/adaccounts/" + ACCOUNT_ID + "/stats").respond(WireResponse.json(200,
                SnapWire.accountTotals("2026-09-15T08:45:00.000-07:00", "2026-09-15T07:30:00.000-07:00")));

        Optional<Instant> newest = valueOf(collector.newestDataAt(context, ACCOUNT_ID));

        assertThat(newest).contains(Instant.parse("2026-09-15T14:30:00Z"));
        RecordedRequest request = snap.requests("GET", "/v1/adaccounts/" + ACCOUNT_ID + "/stats").get(0);
        // 16:20 UTC is 09:20 in Los Angeles: the last 24 whole hours up to 10:00 local time
        assertThat(request.query()).containsEntry("granularity", "TOTAL").containsEntry("fields", "spend")
                .containsEntry("start_time", "2026-09-14T10:00:00.000-07:00")
                .containsEntry("end_time", "2026-09-15T10:00:00.000-07:00");
    }

    @Test
    void usesTheOneCompletenessTimeSnapGivesAndNoneWhenItGivesNone() {
        snap.on("GET", "/v1/adaccounts/" + ACCOUNT_ID + "/stats")
                .respond(WireResponse.json(200, SnapWire.accountTotals("2026-09-15T00:00:00.000-07:00", null)));
        assertThat(valueOf(collector.newestDataAt(context, ACCOUNT_ID))).contains(Instant.parse("2026-09-15T07:00:00Z"));

        snap.on("GET", "/v1/adaccounts/" + ACCOUNT_ID + "/stats")
                .respond(WireResponse.json(200, SnapWire.accountTotals(null, null)));
        assertThat(valueOf(collector.newestDataAt(context, ACCOUNT_ID))).isEmpty();
    }

    @Test
    void reportsNoEventMatchQualityWithoutCallingSnap() {
        assertThat(valueOf(collector.eventMatchQuality(context, ACCOUNT_ID))).isEmpty();
        assertThat(snap.requests()).isEmpty();
    }

    @Test
    void speaksForTheSnapchatConnector() {
        assertThat(collector.connectorId()).isEqualTo(SnapchatPlatformInfo.CONNECTOR_ID);
    }

    private List<CampaignDailyPerformance> allRows(DateRange range) {
        return allPages(range).stream().flatMap(page -> page.items().stream()).toList();
    }

    private List<Page<CampaignDailyPerformance>> allPages(DateRange range) {
        List<Page<CampaignDailyPerformance>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<CampaignDailyPerformance> page = valueOf(collector.dailyPerformance(context, ACCOUNT_ID, range, cursor));
            pages.add(page);
            cursor = page.nextCursor();
        } while (cursor != null && pages.size() < 100);
        return pages;
    }

    private static String emptyStats(String campaign, String start, String end) {
        ObjectNode stat = SnapJson.MAPPER.createObjectNode().put("id", campaign).put("type", "CAMPAIGN")
                .put("granularity", "DAY").put("start_time", start).put("end_time", end);
        stat.putArray("timeseries");
        return SnapWire.envelope("timeseries_stats", "timeseries_stat", List.of(stat));
    }

    private static long sumSpend(List<CampaignDailyPerformance> rows) {
        return rows.stream().mapToLong(row -> row.spend().micros()).sum();
    }

    private static long sumRevenue(List<CampaignDailyPerformance> rows) {
        return rows.stream().mapToLong(row -> row.revenue().micros()).sum();
    }

    private static long micros(String decimal) {
        return new BigDecimal(decimal).movePointRight(6).longValueExact();
    }
}
