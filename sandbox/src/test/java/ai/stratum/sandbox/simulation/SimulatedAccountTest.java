package ai.stratum.sandbox.simulation;

import ai.stratum.plugin.api.EntityStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedAccountTest {

    private static final AccountSpec SPEC = new AccountSpec("act_1001", "Demo shop", "USD",
            ZoneId.of("America/New_York"), 20, 90, 42);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-09-14T20:00:00Z"));

    private SimulatedAccount account() {
        return AccountGenerator.generate(SPEC, clock);
    }

    private static long revenue(List<DayOutcome> days) {
        return days.stream().mapToLong(DayOutcome::revenueMicros).sum();
    }

    @Test
    void theSameSpecGivesTheSameAccountAndResults() {
        SimulatedAccount first = account();
        SimulatedAccount second = account();
        LocalDate today = first.today();

        assertThat(second.campaigns()).extracting(c -> c.profile().name())
                .isEqualTo(first.campaigns().stream().map(c -> c.profile().name()).toList());
        assertThat(second.report(today.minusDays(30), today)).isEqualTo(first.report(today.minusDays(30), today));
    }

    @Test
    void moneyIsWholeCentsAndNothingIsNegative() {
        SimulatedAccount account = account();
        List<DayOutcome> days = account.report(account.today().minusDays(89), account.today());

        assertThat(days).isNotEmpty().allSatisfy(day -> {
            assertThat(day.spendMicros() % 10_000).isZero();
            assertThat(day.revenueMicros() % 10_000).isZero();
            assertThat(day.clicks()).isBetween(0L, day.impressions());
            assertThat(day.conversions()).isNotNegative();
        });
    }

    @Test
    void conversionsOfRecentDaysKeepArrivingWhileOldDaysStayPut() {
        SimulatedAccount account = account();
        LocalDate yesterday = account.today().minusDays(1);
        LocalDate lastMonth = account.today().minusDays(30);
        long yesterdayBefore = revenue(account.report(yesterday, yesterday));
        long lastMonthBefore = revenue(account.report(lastMonth, lastMonth));

        clock.advance(Duration.ofDays(2));

        assertThat(revenue(account.report(yesterday, yesterday))).isGreaterThan(yesterdayBefore);
        assertThat(revenue(account.report(lastMonth, lastMonth))).isEqualTo(lastMonthBefore);
    }

    @Test
    void todaysSpendGrowsDuringTheDayWithinTheBudget() {
        SimulatedAccount account = account();
        clock.advance(Duration.ofHours(-8));
        SimulatedCampaign campaign = activeCampaign(account);
        LocalDate today = account.today();
        long morning = account.report(campaign.id(), today, today).get(0).spendMicros();

        clock.advance(Duration.ofHours(6));
        long afternoon = account.report(campaign.id(), today, today).get(0).spendMicros();

        assertThat(afternoon).isGreaterThan(morning).isLessThanOrEqualTo(campaign.dailyBudgetMicros());
    }

    @Test
    void aBudgetChangeHoldsFromTodayAndLeavesPastDaysAlone() {
        SimulatedAccount account = account();
        SimulatedCampaign campaign = activeCampaign(account);
        LocalDate today = account.today();
        long oldBudget = campaign.dailyBudgetMicros();
        List<DayOutcome> pastBefore = account.report(campaign.id(), today.minusDays(10), today.minusDays(1));
        long todayBefore = account.report(campaign.id(), today, today).get(0).spendMicros();

        campaign.setDailyBudget(oldBudget * 2, today);

        assertThat(account.report(campaign.id(), today.minusDays(10), today.minusDays(1))).isEqualTo(pastBefore);
        assertThat(account.report(campaign.id(), today, today).get(0).spendMicros()).isGreaterThan(todayBefore);
        assertThat(campaign.dailyBudgetMicrosOn(today.minusDays(1))).isEqualTo(oldBudget);
        assertThat(campaign.dailyBudgetMicrosOn(today)).isEqualTo(oldBudget * 2);
    }

    @Test
    void doublingSpendPastSaturationLessThanDoublesRevenue() {
        SimulatedAccount account = account();
        SimulatedCampaign campaign = activeCampaign(account);
        LocalDate today = account.today();
        long before = revenue(account.report(campaign.id(), today.minusDays(60), today.minusDays(31)));

        campaign.setDailyBudget(campaign.dailyBudgetMicros() * 4, LocalDate.MIN.plusDays(1));

        long after = revenue(account.report(campaign.id(), today.minusDays(60), today.minusDays(31)));
        assertThat(after).isGreaterThan(before).isLessThan(before * 4);
    }

    @Test
    void aPausedCampaignHasNoDeliveryFromItsPause() {
        SimulatedAccount account = account();
        SimulatedCampaign campaign = activeCampaign(account);
        LocalDate today = account.today();

        campaign.setStatus(EntityStatus.PAUSED, today.minusDays(3));

        assertThat(account.report(campaign.id(), today.minusDays(5), today))
                .extracting(DayOutcome::date)
                .containsExactly(today.minusDays(5), today.minusDays(4));
    }

    @Test
    void staleDataHidesTheNewestDaysAndAgesTheNewestTimestamp() {
        SimulatedAccount account = account();
        Instant fresh = account.newestDataAt();
        LocalDate today = account.today();

        account.makeStale(Duration.ofHours(72));

        assertThat(account.newestDataAt()).isEqualTo(fresh.minus(Duration.ofHours(72)));
        assertThat(account.report(today.minusDays(10), today)).extracting(DayOutcome::date)
                .allSatisfy(date -> assertThat(date).isBefore(today.minusDays(2)));
    }

    @Test
    void generatesWinnersAndLosers() {
        SimulatedAccount account = AccountGenerator.generate(new AccountSpec("act_2", "Big", "USD", ZoneId.of("UTC"),
                200, 30, 7), clock);
        LocalDate today = account.today();
        List<Double> roas = account.campaigns().stream()
                .map(c -> account.report(c.id(), today.minusDays(29), today.minusDays(8)))
                .filter(days -> !days.isEmpty())
                .map(days -> (double) revenue(days) / days.stream().mapToLong(DayOutcome::spendMicros).sum())
                .toList();

        assertThat(roas).anyMatch(r -> r < 1.0).anyMatch(r -> r > 3.0);
        assertThat(account.campaigns()).extracting(SimulatedCampaign::id).doesNotHaveDuplicates();
    }

    private static SimulatedCampaign activeCampaign(SimulatedAccount account) {
        return account.campaigns().stream()
                .filter(c -> c.status() == EntityStatus.ACTIVE)
                .filter(c -> c.profile().startDate().isBefore(account.today().minusDays(60)))
                .findFirst().orElseThrow();
    }
}
