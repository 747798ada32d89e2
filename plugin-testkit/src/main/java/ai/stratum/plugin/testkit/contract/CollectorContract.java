package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Money;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ai.stratum.plugin.testkit.contract.ContractHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

/** What every collector must get right: all pages, exact money, the account's days, freshness and EMQ. */
public interface CollectorContract extends UsesContractHarness {

    @Test
    default void collectsEveryCampaignAcrossPagesWithExactBudgets() {
        SimulatedAccount account = harness().account();

        List<Campaign> campaigns = harness().allCampaigns(harness().context());

        assertThat(campaigns).extracting(Campaign::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(account.campaigns().stream().map(SimulatedCampaign::id).toList());
        Map<String, Campaign> byId = campaigns.stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
        for (SimulatedCampaign simulated : account.campaigns()) {
            Campaign collected = byId.get(simulated.id());
            assertThat(collected.name()).as("name of %s", simulated.id()).isEqualTo(simulated.profile().name());
            assertThat(collected.status()).as("status of %s", simulated.id()).isEqualTo(simulated.status());
            assertThat(collected.budgets()).as("budgets of %s", simulated.id())
                    .contains(new Budget(BudgetPeriod.DAILY, new Money(simulated.dailyBudgetMicros(), "USD")));
        }
    }

    @Test
    default void collectsEveryDailyRowToTheMicro() {
        DateRange range = harness().lastDays(30);
        Map<String, DayOutcome> expected = harness().account().report(range.from(), range.to()).stream()
                .collect(Collectors.toMap(day -> day.campaignId() + "@" + day.date(), Function.identity()));

        List<CampaignDailyPerformance> rows = harness().allRows(harness().context(), range);

        assertThat(rows).extracting(row -> row.campaignId() + "@" + row.date()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (CampaignDailyPerformance row : rows) {
            DayOutcome day = expected.get(row.campaignId() + "@" + row.date());
            assertThat(row.spend()).as("spend %s %s", row.campaignId(), row.date())
                    .isEqualTo(new Money(day.spendMicros(), "USD"));
            assertThat(row.revenue()).as("revenue %s %s", row.campaignId(), row.date())
                    .isEqualTo(new Money(day.revenueMicros(), "USD"));
            assertThat(row.impressions()).isEqualTo(day.impressions());
            assertThat(row.clicks()).isEqualTo(day.clicks());
            assertThat(row.conversions()).isEqualTo((double) day.conversions());
        }
    }

    @Test
    default void keepsToTheDaysAskedInTheAccountsTimeZone() {
        DateRange range = new DateRange(harness().account().today().minusDays(9), harness().account().today().minusDays(7));

        List<CampaignDailyPerformance> rows = harness().allRows(harness().context(), range);

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(range.contains(row.date())).isTrue());
        assertThat(rows).hasSize(harness().account().report(range.from(), range.to()).size());
    }

    @Test
    default void reportsTheAccountsTimeZone() {
        Optional<ZoneId> zone = join(harness().plugin().collector().timeZone(harness().context(),
                harness().plugin().accountId()));

        assertThat(zone).contains(harness().account().zone());
    }

    @Test
    default void reportsFreshnessNoNewerThanItsData() {
        Instant newest = join(harness().plugin().collector().newestDataAt(harness().context(),
                harness().plugin().accountId())).orElseThrow();

        assertThat(newest).isBeforeOrEqualTo(harness().clock().instant());
        assertThat(Duration.between(newest, harness().account().newestDataAt()).abs()).isLessThan(Duration.ofHours(24));
    }

    @Test
    default void showsStaleDataAsOld() {
        harness().account().makeStale(Duration.ofHours(72));

        Instant newest = join(harness().plugin().collector().newestDataAt(harness().context(),
                harness().plugin().accountId())).orElseThrow();

        assertThat(Duration.between(newest, harness().clock().instant())).isGreaterThan(Duration.ofHours(48));
    }

    @Test
    default void readsEventMatchQualityWhereThePlatformHasIt() {
        List<EventMatchQuality> readings = join(harness().plugin().collector().eventMatchQuality(harness().context(),
                harness().plugin().accountId()));
        if (!harness().plugin().reportsEventMatchQuality()) {
            assertThat(readings).isEmpty();
            return;
        }
        assertThat(readings).isNotEmpty().allSatisfy(reading -> assertThat(reading.score())
                .isEqualTo(harness().account().datasetEmq().get(reading.datasetId())));

        harness().account().setEmq(3.1);

        assertThat(join(harness().plugin().collector().eventMatchQuality(harness().context(),
                harness().plugin().accountId()))).extracting(EventMatchQuality::score).containsOnly(3.1);
    }
}
