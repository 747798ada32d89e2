package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.EntityStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static ai.stratum.server.autopilot.rules.CampaignFixture.NOW;
import static ai.stratum.server.autopilot.rules.CampaignFixture.TODAY;
import static ai.stratum.server.autopilot.rules.CampaignFixture.USD;
import static ai.stratum.server.autopilot.rules.CampaignFixture.campaign;
import static org.assertj.core.api.Assertions.assertThat;

/** Pacing with the rule's defaults: step 15 %, day 30 %, tolerance 0.8..1.2 of an even pace. */
class BudgetPacingRuleTest {

    private static final RuleSettings PACING = RuleSettings.defaults(RuleType.BUDGET_PACING);

    private final BudgetPacingRule rule = new BudgetPacingRule();

    @ParameterizedTest(name = "{0} at {1}, spent {2} of a USD 100 daily budget -> {3} {4}")
    @CsvSource(nullValues = "none", value = {
            // noon: an even pace has spent USD 50
            "UTC,                 2024-06-12T12:00:00Z, 60,    REDUCE_BUDGET,   85000000",
            "UTC,                 2024-06-12T12:00:00Z, 59.99, none,            none",
            "UTC,                 2024-06-12T12:00:00Z, 50,    none,            none",
            "UTC,                 2024-06-12T12:00:00Z, 40.01, none,            none",
            "UTC,                 2024-06-12T12:00:00Z, 40,    INCREASE_BUDGET, 115000000",
            "UTC,                 2024-06-12T12:00:00Z, 10,    INCREASE_BUDGET, 115000000",
            "UTC,                 2024-06-12T12:00:00Z, 100,   REDUCE_BUDGET,   85000000",
            // nothing spent: not delivering, more budget would not help
            "UTC,                 2024-06-12T12:00:00Z, 0,     none,            none",
            // too early in the day to read a pace: before a quarter of the day
            "UTC,                 2024-06-12T05:59:00Z, 100,   none,            none",
            "UTC,                 2024-06-12T06:00:00Z, 30,    REDUCE_BUDGET,   85000000",
            // one instant, three local times: 23:30 the day before, 15:30, 18:30
            "America/Los_Angeles, 2024-06-12T06:30:00Z, 60,    INCREASE_BUDGET, 115000000",
            "Asia/Tokyo,          2024-06-12T06:30:00Z, 60,    none,            none",
            "Pacific/Auckland,    2024-06-12T06:30:00Z, 60,    INCREASE_BUDGET, 115000000",
            // just past local midnight: a new day, too early to judge
            "America/Los_Angeles, 2024-06-12T07:30:00Z, 60,    none,            none",
            "Europe/Berlin,       2024-06-11T22:30:00Z, 60,    none,            none",
            // 12:00 on a 23-hour day (New York, spring forward) is 11/23 through it, not half
            "America/New_York,    2024-03-10T16:00:00Z, 57.4,  REDUCE_BUDGET,   85000000",
            "America/New_York,    2024-03-10T16:00:00Z, 57.3,  none,            none"})
    void pacesADailyBudgetAgainstTheLocalDay(String zone, Instant now, double spentToday, ActionType action,
            Long budget) {
        CampaignState state = campaign().zone(zone).spentToday(Math.round(spentToday * USD)).build();

        List<Proposal> proposals = rule.evaluate(state, PACING, now);

        if (action == null) {
            assertThat(proposals).isEmpty();
            return;
        }
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.actionType()).isEqualTo(action);
            assertThat(p.budgetMicros()).hasValue(budget);
            assertThat(p.rule()).isEqualTo(RuleType.BUDGET_PACING);
        });
    }

    /** A USD 3,000 lifetime budget over June; at noon on the 12th an even pace has spent USD 1,150. */
    @ParameterizedTest(name = "flight {0}..{1}, {2} days of USD {3}, USD 50 today -> {4} {5}")
    @CsvSource(nullValues = "none", value = {
            "2024-06-01, 2024-06-30, 11, 100, none,            none",
            "2024-06-01, 2024-06-30, 11, 130, REDUCE_BUDGET,   2550000000",
            "2024-06-01, 2024-06-30, 11, 70,  INCREASE_BUDGET, 3450000000",
            // days before the flight are not the flight's spend
            "2024-06-01, 2024-06-30, 30, 100, none,            none",
            // the first day is still running: too early to read a pace
            "2024-06-12, 2024-07-11, 0,  0,   none,            none",
            // over: nothing left to pace
            "2024-05-01, 2024-06-11, 30, 200, none,            none"})
    void pacesALifetimeBudgetOverItsFlight(LocalDate start, LocalDate end, int days, long spendPerDay,
            ActionType action, Long budget) {
        CampaignState state = campaign().budget(3000 * USD).lifetime(new Flight(start, end))
                .daily(days, spendPerDay * USD, 0, 0).spentToday(50 * USD).build();

        List<Proposal> proposals = rule.evaluate(state, PACING, NOW);

        if (action == null) {
            assertThat(proposals).isEmpty();
            return;
        }
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.actionType()).isEqualTo(action);
            assertThat(p.budgetMicros()).hasValue(budget);
            assertThat(p.parameters()).containsEntry("budgetPeriod", "LIFETIME");
        });
    }

    @Test
    void cannotPaceALifetimeBudgetWithoutAFlight() {
        CampaignState state = campaign().period(BudgetPeriod.LIFETIME).daily(11, 300 * USD, 0, 0)
                .spentToday(50 * USD).build();

        assertThat(rule.evaluate(state, PACING, NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EntityStatus.class, names = {"PAUSED", "ARCHIVED", "DELETED"})
    void leavesCampaignsThatAreNotActiveAlone(EntityStatus status) {
        CampaignState state = campaign().status(status).spentToday(90 * USD).build();

        assertThat(rule.evaluate(state, PACING, NOW)).isEmpty();
    }

    @ParameterizedTest(name = "minimum spend {0} with USD 700 in the window -> judged: {1}")
    @CsvSource({"0, true", "700000000, true", "700000001, false"})
    void judgesOnlyFromTheMinimumSpend(long minSpend, boolean judged) {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).spentToday(90 * USD).build();
        RuleSettings settings = PACING.toBuilder().minSpendMicros(minSpend).build();

        assertThat(rule.evaluate(state, settings, NOW)).hasSize(judged ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} % already moved today -> budget {1}")
    @CsvSource(nullValues = "none", value = {"0, 85000000", "20, 90000000", "29.5, 99500000", "30, none"})
    void movesOnlyWhatIsLeftOfTheDailyLimit(double movedToday, Long budget) {
        CampaignState state = campaign().spentToday(90 * USD).changedToday(movedToday).build();

        List<Proposal> proposals = rule.evaluate(state, PACING, NOW);

        if (budget == null) {
            assertThat(proposals).isEmpty();
        } else {
            assertThat(proposals).singleElement().satisfies(p -> assertThat(p.budgetMicros()).hasValue(budget));
        }
    }

    @Test
    void explainsACutWithThePaceBehindIt() {
        CampaignState state = campaign().spentToday(60 * USD).build();

        assertThat(rule.evaluate(state, PACING, NOW).get(0).reason()).isEqualTo(
                "spent 60.00 USD of the 100.00 USD daily budget by 12:00 UTC, 50 % through the day: 120 % of the"
                        + " 50.00 USD an even pace spends by now; budget -15 % to 85.00 USD (step limit 15 %)");
    }

    @Test
    void explainsALifetimePace() {
        CampaignState state = campaign().budget(3000 * USD).lifetime(new Flight(TODAY.withDayOfMonth(1),
                TODAY.withDayOfMonth(30))).daily(11, 70 * USD, 0, 0).spentToday(50 * USD).build();

        assertThat(rule.evaluate(state, PACING, NOW).get(0).reason()).isEqualTo(
                "spent 820.00 USD of the 3000.00 USD lifetime budget by day 12 of 30, 38.3 % through the flight:"
                        + " 71.3 % of the 1150.00 USD an even pace spends by now; budget +15 % to 3450.00 USD"
                        + " (step limit 15 %)");
    }
}
