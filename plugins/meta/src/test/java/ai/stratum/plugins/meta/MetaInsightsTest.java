package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_USD;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.fixture;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.DateRange;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetaInsightsTest {

    private static final String INSIGHTS = ACCOUNT + "/insights";
    private static final DateRange RANGE = new DateRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-14"));
    private static final JsonNode EXPECTED = JsonFields.parseObject(Fixtures.read("meta/expected-totals.json"), "fixture");

    /** Meta's data-per-call limit, as its insights best-practices page names it (code 100, subcode 1487534). */
    private static final String TOO_MUCH_DATA = "{\"error\":{\"message\":\"Please reduce the amount of data you're asking for, then "
            + "retry your request\",\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":1487534,"
            + "\"fbtrace_id\":\"AbCdEfGh123\"}}";

    private final MetaWire meta = new MetaWire();
    private final MetaSignalCollector collector = new MetaSignalCollector();

    @BeforeEach
    void serveTheTwoPages() {
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", INSIGHTS).withoutQuery("after").respond(fixture("meta/insights.campaign-daily.page1.json"));
        meta.server.on("GET", INSIGHTS).withQuery("after", "MjQZD").respond(fixture("meta/insights.campaign-daily.page2.json"));
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    @Test
    void readsBothPagesAndStopsWhereMetaSendsNoNextPage() {
        Page<CampaignDailyPerformance> first = join(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));
        assertThat(first.items()).hasSize(25);
        assertThat(first.hasNext()).isTrue();

        Page<CampaignDailyPerformance> second =
                join(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, first.nextCursor()));

        assertThat(second.items()).hasSize(17);
        assertThat(second.hasNext()).isFalse();
        assertThat(meta.requests("GET", INSIGHTS)).hasSize(2);
        assertThat(meta.requests("GET", ACCOUNT)).as("the cursor carries the currency").hasSize(1);
    }

    @Test
    void sumsToTheExpectedTotalsToTheMicro() {
        List<CampaignDailyPerformance> rows = allRows();

        JsonNode overall = EXPECTED.get("overall");
        assertThat(rows).hasSize(overall.get("rows").asInt());
        assertThat(totalSpend(rows)).isEqualTo(Money.parse(overall.get("spend").asText(), "USD"));
        assertThat(totalRevenue(rows)).isEqualTo(Money.parse(overall.get("revenue").asText(), "USD"));
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::impressions).sum())
                .isEqualTo(overall.get("impressions").asLong());
        assertThat(rows.stream().mapToLong(CampaignDailyPerformance::clicks).sum()).isEqualTo(overall.get("clicks").asLong());
        assertThat(rows.stream().mapToDouble(CampaignDailyPerformance::conversions).sum())
                .isEqualTo(overall.get("purchases").asDouble());
    }

    @Test
    void sumsEachCampaignToItsExpectedTotals() {
        Map<String, List<CampaignDailyPerformance>> byCampaign = allRows().stream()
                .collect(Collectors.groupingBy(CampaignDailyPerformance::campaignId));

        EXPECTED.get("campaigns").fields().forEachRemaining(entry -> {
            List<CampaignDailyPerformance> rows = byCampaign.get(entry.getKey());
            JsonNode expected = entry.getValue();
            assertThat(rows).as(entry.getKey()).hasSize(expected.get("days").asInt());
            assertThat(totalSpend(rows)).isEqualTo(Money.parse(expected.get("spend").asText(), "USD"));
            assertThat(totalRevenue(rows)).isEqualTo(Money.parse(expected.get("revenue").asText(), "USD"));
            assertThat(rows.stream().mapToDouble(CampaignDailyPerformance::conversions).sum())
                    .isEqualTo(expected.get("purchases").asDouble());
        });
    }

    @Test
    void countsEachPurchaseOnceThoughMetaReportsItUnderThreeActionTypes() {
        CampaignDailyPerformance first = allRows().get(0);

        // the row reports 10 purchases as omni_purchase, purchase and offsite_conversion.fb_pixel_purchase
        assertThat(first.campaignId()).isEqualTo("120213456789012345");
        assertThat(first.date()).isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(first.conversions()).isEqualTo(10.0);
        assertThat(first.revenue()).isEqualTo(new Money(944_590_000, "USD"));
        assertThat(first.spend()).isEqualTo(new Money(437_290_000, "USD"));
        assertThat(first.impressions()).isEqualTo(45379);
        assertThat(first.clicks()).isEqualTo(876);
    }

    @Test
    void givesARowWithoutPurchasesZeroConversionsAndZeroRevenue() {
        CampaignDailyPerformance awareness = allRows().stream()
                .filter(row -> row.campaignId().equals("120213456789012347")).findFirst().orElseThrow();

        assertThat(awareness.conversions()).isZero();
        assertThat(awareness.revenue()).isEqualTo(new Money(0, "USD"));
    }

    @Test
    void asksForDailyCampaignRowsOfTheRangeWithActionsAndActionValues() {
        allRows();

        RecordedRequest first = meta.requests("GET", INSIGHTS).get(0);
        assertThat(first.query())
                .containsEntry("level", "campaign")
                .containsEntry("time_increment", "1")
                .containsEntry("time_range", "{\"since\":\"2026-09-01\",\"until\":\"2026-09-14\"}")
                .containsEntry("fields", "campaign_id,spend,impressions,clicks,actions,action_values,date_start,date_stop")
                .containsEntry("use_unified_attribution_setting", "true")
                .containsEntry("limit", "500")
                .doesNotContainKey("after");
        assertThat(meta.requests("GET", INSIGHTS).get(1).query()).containsEntry("after", "MjQZD")
                .containsEntry("time_range", "{\"since\":\"2026-09-01\",\"until\":\"2026-09-14\"}");
    }

    @Test
    void asksForThePageAgainInSmallerPagesWhenMetaFindsItTooLargeToCompute() {
        meta.server.once("GET", INSIGHTS).withQuery("limit", "500").withoutQuery("after").respond(WireResponse.json(400, TOO_MUCH_DATA));

        List<CampaignDailyPerformance> rows = allRows();

        assertThat(rows).hasSize(EXPECTED.get("overall").get("rows").asInt());
        assertThat(meta.requests("GET", INSIGHTS)).extracting(request -> request.query().get("limit") + " " + request.query().get("after"))
                .containsExactly("500 null", "100 null", "500 MjQZD");
    }

    @Test
    void doesNotAskAgainWhenMetaRefusesThePageForAnyOtherReason() {
        meta.server.once("GET", INSIGHTS).respond(WireResponse.json(400, Fixtures.read("meta/error.100-invalid-parameter.json")));

        ConnectorException failure = failure(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(failure.platformCode()).contains("100");
        assertThat(meta.requests("GET", INSIGHTS)).hasSize(1);
    }

    @Test
    void failsWithMetasMessageWhenEvenTheSmallerPageIsTooLarge() {
        meta.server.on("GET", INSIGHTS).withoutQuery("after").respond(WireResponse.json(400, TOO_MUCH_DATA));

        ConnectorException failure = failure(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(failure.getMessage()).contains("Meta error 100/1487534", "reduce the amount of data");
        assertThat(meta.requests("GET", INSIGHTS)).extracting(request -> request.query().get("limit")).containsExactly("500", "100");
    }

    @Test
    void failsTheSecondPageWholeWhenItIsMalformed() {
        Page<CampaignDailyPerformance> first = join(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));
        meta.server.once("GET", INSIGHTS).withQuery("after", "MjQZD")
                .respond(WireResponse.json(200, "{\"data\":[{\"campaign_id\":\"1\",\"date_start\":\"2026-09-02\","
                        + "\"date_stop\":\"2026-09-02\",\"spend\":\"12.3.4\"}]}"));

        ConnectorException failure = failure(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE,
                first.nextCursor()));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedOnARowThatSpansMoreThanOneDay() {
        meta.server.once("GET", INSIGHTS).respond(WireResponse.json(200, "{\"data\":[{\"campaign_id\":\"1\","
                + "\"date_start\":\"2026-09-01\",\"date_stop\":\"2026-09-14\",\"spend\":\"1.00\"}]}"));

        ConnectorException failure = failure(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedOnASpendFinerThanAMicro() {
        meta.server.once("GET", INSIGHTS).respond(WireResponse.json(200, "{\"data\":[{\"campaign_id\":\"1\","
                + "\"date_start\":\"2026-09-01\",\"date_stop\":\"2026-09-01\",\"spend\":\"1.0000001\"}]}"));

        ConnectorException failure = failure(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedOnAPageWithANextLinkButNoAfterCursor() {
        meta.server.once("GET", INSIGHTS).respond(WireResponse.json(200,
                "{\"data\":[],\"paging\":{\"next\":\"https://graph.facebook.com/v25.0/x\"}}"));

        ConnectorException failure = failure(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    private List<CampaignDailyPerformance> allRows() {
        List<CampaignDailyPerformance> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<CampaignDailyPerformance> page =
                    join(collector.dailyPerformance(meta.context(), ACCOUNT_ID, RANGE, cursor));
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    private static Money totalSpend(List<CampaignDailyPerformance> rows) {
        return new Money(rows.stream().mapToLong(row -> row.spend().micros()).sum(), "USD");
    }

    private static Money totalRevenue(List<CampaignDailyPerformance> rows) {
        return new Money(rows.stream().mapToLong(row -> row.revenue().micros()).sum(), "USD");
    }
}
