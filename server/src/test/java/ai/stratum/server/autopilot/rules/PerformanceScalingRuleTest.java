package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.OptionalDouble;

import static ai.stratum.server.autopilot.rules.CampaignFixture.NOW;
import static ai.stratum.server.autopilot.rules.CampaignFixture.TODAY;
import static ai.stratum.server.autopilot.rules.CampaignFixture.USD;
import static ai.stratum.server.autopilot.rules.CampaignFixture.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PerformanceScalingRuleTest {

    private final PerformanceScalingRule rule = new PerformanceScalingRule();

    /** Seven days at USD 100 a day against a USD 100 daily budget; step 20 %, day 50 %. */
    @ParameterizedTest(name = "revenue {0}/day, {1} conversions/day, target ROAS {2}, CPA {3} -> {4} {5}")
    @CsvSource(nullValues = "none", value = {
            // ROAS against target 3.0, dead band 0.9..1.1 exclusive
            "420,  10,  3.0,  none, INCREASE_BUDGET, 120000000",
            "330,  10,  3.0,  none, INCREASE_BUDGET, 110000000",
            "329,  10,  3.0,  none, none,            none",
            "300,  10,  3.0,  none, none,            none",
            "271,  10,  3.0,  none, none,            none",
            "270,  10,  3.0,  none, REDUCE_BUDGET,   90000000",
            "150,  10,  3.0,  none, REDUCE_BUDGET,   80000000",
            "0,    0,   3.0,  none, REDUCE_BUDGET,   80000000",
            // CPA against target: spend / conversions
            "0,    5,   none, 25,   INCREASE_BUDGET, 120000000",
            "0,    5.5, none, 20,   INCREASE_BUDGET, 110000000",
            "0,    5,   none, 21.9, none,            none",
            "0,    5,   none, 18,   REDUCE_BUDGET,   90000000",
            // no conversions: CPA is at least the spend, which can cut but never raise
            "0,    0,   none, 25,   REDUCE_BUDGET,   80000000",
            "0,    0,   none, 800,  none,            none",
            "0,    0,   none, 630,  REDUCE_BUDGET,   90000000",
            // both targets: the worse decides
            "420,  2.5, 3.0,  25,   REDUCE_BUDGET,   80000000",
            "420,  5,   3.0,  25,   INCREASE_BUDGET, 120000000",
            "330,  4,   3.0,  25,   none,            none",
            // no target, nothing to judge against
            "420,  10,  none, none, none,            none"})
    void scalesBudgetWithResultsAgainstTargets(double revenuePerDay, double conversionsPerDay, Double targetRoas,
            Double targetCpa, ActionType action, Long budget) {
        CampaignState state = campaign().daily(7, 100 * USD, Math.round(revenuePerDay * USD), conversionsPerDay).build();

        List<Proposal> proposals = rule.evaluate(state, settings(targetRoas, targetCpa, 0), NOW);

        if (action == null) {
            assertThat(proposals).isEmpty();
            return;
        }
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.actionType()).isEqualTo(action);
            assertThat(p.budgetMicros()).hasValue(budget);
            assertThat(p.rule()).isEqualTo(RuleType.PERFORMANCE_SCALING);
        });
    }

    @ParameterizedTest(name = "minimum spend {0} with USD 700 spent -> judged: {1}")
    @CsvSource({"0, true", "699999999, true", "700000000, true", "700000001, false", "5000000000, false"})
    void judgesOnlyFromTheMinimumSpend(long minSpend, boolean judged) {
        CampaignState state = campaign().daily(7, 100 * USD, 420 * USD, 10).build();

        assertThat(rule.evaluate(state, settings(3.0, null, minSpend), NOW)).hasSize(judged ? 1 : 0);
    }

    @Test
    void doesNotJudgeACampaignThatSpentNothing() {
        CampaignState state = campaign().daily(7, 0, 0, 0).build();

        assertThat(rule.evaluate(state, settings(3.0, 25.0, 0), NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EntityStatus.class, names = {"PAUSED", "ARCHIVED", "DELETED"})
    void leavesCampaignsThatAreNotActiveAlone(EntityStatus status) {
        CampaignState state = campaign().status(status).daily(7, 100 * USD, 0, 0).build();

        assertThat(rule.evaluate(state, settings(3.0, null, 0), NOW)).isEmpty();
    }

    @Test
    void looksOnlyAtTheCompleteDaysOfTheLookbackWindow() {
        CampaignState state = campaign()
                .daily(7, 100 * USD, 300 * USD, 10)
                .row(new DailyPerformance(TODAY, 100 * USD, 5000 * USD, 50, 1000, 50))
                .row(new DailyPerformance(TODAY.minusDays(8), 100 * USD, 0, 0, 1000, 50))
                .build();

        assertThat(rule.evaluate(state, settings(3.0, null, 0), NOW)).isEmpty();
    }

    @Test
    void explainsARaiseWithTheNumbersBehindIt() {
        CampaignState state = campaign().daily(7, 100 * USD, 420 * USD, 10).build();

        Proposal proposal = rule.evaluate(state, settings(3.0, null, 0), NOW).get(0);

        assertThat(proposal.reason()).isEqualTo(
                "ROAS 4.20 over the last 7 days is 40 % above target 3.00; budget +20 % to 120.00 USD (step limit 20 %)");
        assertThat(proposal.platform()).isEqualTo(Platform.META);
        assertThat(proposal.accountId()).isEqualTo("act_1");
        assertThat(proposal.entityType()).isEqualTo(EntityType.CAMPAIGN);
        assertThat(proposal.entityId()).isEqualTo("c_1");
        assertThat(proposal.parameters()).containsExactly(
                entry("budgetMicros", 120_000_000L), entry("previousBudgetMicros", 100_000_000L),
                entry("currency", "USD"), entry("budgetPeriod", "DAILY"), entry("changePct", 20.0));
    }

    @Test
    void explainsACutOnCpaWithoutConversions() {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).build();

        Proposal proposal = rule.evaluate(state, settings(null, 25.0, 0), NOW).get(0);

        assertThat(proposal.reason()).isEqualTo("no conversions over the last 7 days from 700.00 USD spent, so CPA is"
                + " at least 700.00 USD, 2700 % above target 25.00 USD; budget -20 % to 80.00 USD (step limit 20 %)");
    }

    private static RuleSettings settings(Double targetRoas, Double targetCpa, long minSpend) {
        return RuleSettings.builder(RuleType.PERFORMANCE_SCALING)
                .targetRoas(targetRoas == null ? OptionalDouble.empty() : OptionalDouble.of(targetRoas))
                .targetCpa(targetCpa == null ? OptionalDouble.empty() : OptionalDouble.of(targetCpa))
                .minSpendMicros(minSpend)
                .build();
    }
}
