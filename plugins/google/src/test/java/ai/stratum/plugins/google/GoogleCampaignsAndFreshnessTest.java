package ai.stratum.plugins.google;

import static ai.stratum.plugins.google.GoogleWire.await;
import static ai.stratum.plugins.google.GoogleWire.failure;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleCampaignsAndFreshnessTest {

    /** Campaign rows as GAQL over campaign joined with campaign_budget answers them. */
    private static final String CAMPAIGNS = GoogleWire.stream(
            "campaign.id,campaign.name,campaign.status,campaign.advertisingChannelType,campaign.campaignBudget,"
                    + "campaignBudget.period,campaignBudget.amountMicros,campaignBudget.totalAmountMicros,"
                    + "campaignBudget.explicitlyShared",
            """
            {"campaign":{"resourceName":"customers/4826193057/campaigns/21554128631","status":"ENABLED",
              "advertisingChannelType":"SEARCH","name":"Search | Brand | Exact",
              "campaignBudget":"customers/4826193057/campaignBudgets/13498720551","id":"21554128631"},
             "campaignBudget":{"resourceName":"customers/4826193057/campaignBudgets/13498720551","period":"DAILY",
              "amountMicros":"200000000","explicitlyShared":false}}""",
            """
            {"campaign":{"resourceName":"customers/4826193057/campaigns/21554128634","status":"PAUSED",
              "advertisingChannelType":"PERFORMANCE_MAX","name":"PMax | All Products | US",
              "campaignBudget":"customers/4826193057/campaignBudgets/13498720554","id":"21554128634"},
             "campaignBudget":{"resourceName":"customers/4826193057/campaignBudgets/13498720554","period":"CUSTOM_PERIOD",
              "amountMicros":"0","totalAmountMicros":"9000000000","explicitlyShared":false}}""",
            """
            {"campaign":{"resourceName":"customers/4826193057/campaigns/21603377210","status":"REMOVED",
              "advertisingChannelType":"SEARCH","name":"Search | Generic | Trail Running Shoes","id":"21603377210"}}""");

    private final WireServer google = WireServer.start();
    private final GoogleSignalCollector collector = new GoogleSignalCollector();

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void readsEveryCampaignWithStatusObjectiveAndExactBudgetOnOneLastPage() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("FROM campaign"), WireResponse.json(200, CAMPAIGNS));

        Page<Campaign> page = await(collector.campaigns(GoogleWire.context(google), GoogleWire.CUSTOMER, null));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).containsExactly(
                new Campaign("21554128631", "Search | Brand | Exact", EntityStatus.ACTIVE, "SEARCH",
                        List.of(new Budget(BudgetPeriod.DAILY, new Money(200_000_000L, "USD")))),
                new Campaign("21554128634", "PMax | All Products | US", EntityStatus.PAUSED, "PERFORMANCE_MAX",
                        List.of(new Budget(BudgetPeriod.LIFETIME, new Money(9_000_000_000L, "USD")))),
                new Campaign("21603377210", "Search | Generic | Trail Running Shoes", EntityStatus.DELETED, "SEARCH",
                        List.of()));
    }

    @Test
    void asksForCampaignsInEveryStatusJoinedWithTheirBudgets() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("FROM campaign"), WireResponse.json(200, CAMPAIGNS));

        await(collector.campaigns(GoogleWire.context(google), GoogleWire.CUSTOMER, null));

        assertThat(GoogleWire.queries(google)).containsExactly(Gaql.ACCOUNT_SETTINGS, Gaql.CAMPAIGNS);
        assertThat(Gaql.CAMPAIGNS).doesNotContain("WHERE").contains("campaign_budget.amount_micros", "campaign.campaign_budget");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown status | {\"campaign\":{\"id\":\"1\",\"name\":\"x\",\"status\":\"UNKNOWN\"}}",
            "no status | {\"campaign\":{\"id\":\"1\",\"name\":\"x\"}}",
            "a budget amount that is not an int64 | {\"campaign\":{\"id\":\"1\",\"status\":\"ENABLED\"},\"campaignBudget\":{\"period\":\"DAILY\",\"amountMicros\":\"ten\"}}",
            "a negative budget | {\"campaign\":{\"id\":\"1\",\"status\":\"ENABLED\"},\"campaignBudget\":{\"period\":\"DAILY\",\"amountMicros\":\"-1\"}}",
    })
    void failsAsMalformedOnACampaignRowWith(String what, String row) {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("FROM campaign"), WireResponse.json(200, GoogleWire.stream("campaign.id", row)));

        assertThat(failure(collector.campaigns(GoogleWire.context(google), GoogleWire.CUSTOMER, null)).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void hasNoEventMatchQualityReadingsSinceGoogleAdsHasNoSuchScore() {
        assertThat(await(collector.eventMatchQuality(GoogleWire.context(google), GoogleWire.CUSTOMER))).isEmpty();
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void datesTheNewestDataAtTheEndOfTheNewestDayWithImpressionsInTheAccountsTimeZone() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("metrics.impressions > 0"), WireResponse.json(200,
                newestDay("2026-09-13")));

        Optional<Instant> newest = await(collector.newestDataAt(GoogleWire.context(google), GoogleWire.CUSTOMER));

        // 2026-09-14 00:00 in New York (EDT, UTC-4)
        assertThat(newest).contains(Instant.parse("2026-09-14T04:00:00Z"));
        assertThat(GoogleWire.queries(google)).last().isEqualTo(
                "SELECT segments.date, metrics.impressions FROM customer WHERE segments.date BETWEEN '2026-06-18'"
                        + " AND '2026-09-15' AND metrics.impressions > 0 ORDER BY segments.date DESC LIMIT 1");
    }

    @Test
    void capsTheNewestDataAtNowWhenTodayAlreadyHasImpressions() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("metrics.impressions > 0"), WireResponse.json(200,
                newestDay("2026-09-15")));

        assertThat(await(collector.newestDataAt(GoogleWire.context(google), GoogleWire.CUSTOMER))).contains(GoogleWire.NOW);
    }

    @Test
    void hasNoNewestDataWhenTheAccountHadNoImpressionsInTheWindow() {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("metrics.impressions > 0"), WireResponse.json(200,
                Fixtures.read("google/searchstream.response.empty.json")));

        assertThat(await(collector.newestDataAt(GoogleWire.context(google), GoogleWire.CUSTOMER))).isEmpty();
    }

    private static String newestDay(String day) {
        return GoogleWire.stream("segments.date,metrics.impressions",
                "{\"customer\":{\"resourceName\":\"customers/4826193057\"},\"metrics\":{\"impressions\":\"812\"},"
                        + "\"segments\":{\"date\":\"" + day + "\"}}");
    }
}
