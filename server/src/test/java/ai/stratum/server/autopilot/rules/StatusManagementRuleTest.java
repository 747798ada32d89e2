package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.EntityStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static ai.stratum.server.autopilot.rules.CampaignFixture.NOW;
import static ai.stratum.server.autopilot.rules.CampaignFixture.USD;
import static ai.stratum.server.autopilot.rules.CampaignFixture.campaign;
import static org.assertj.core.api.Assertions.assertThat;

class StatusManagementRuleTest {

    private final StatusManagementRule rule = new StatusManagementRule();

    /** Seven days at USD 100 a day: USD 700 over the window. */
    @ParameterizedTest(name = "revenue {0}/day, {1} conversions/day, target ROAS {2}, CPA {3}, min spend {4} -> pause: {5}")
    @CsvSource(nullValues = "none", value = {
            // no target: pause on no results at all, once the minimum is spent
            "0,   0,    none, none, 100000000, true",
            "0,   0,    none, none, 700000000, true",
            "0,   0,    none, none, 700000001, false",
            "1,   0,    none, none, 0,         false",
            "0,   0.1,  none, none, 0,         false",
            // ROAS at most half of target
            "150, 5,    3.0,  none, 0,         true",
            "151, 5,    3.0,  none, 0,         false",
            "0,   0,    3.0,  none, 0,         true",
            // CPA at least twice target
            "0,   2,    none, 25,   0,         true",
            "0,   2.5,  none, 25,   0,         false",
            // no conversions with a CPA target: not before twice the target CPA is spent
            "0,   0,    none, 25,   0,         true",
            "0,   0,    none, 350,  0,         true",
            "0,   0,    none, 351,  0,         false",
            // either target missed by far is enough
            "420, 2,    3.0,  25,   0,         true",
            "420, 5,    3.0,  25,   0,         false"})
    void pausesCampaignsThatSpendWithoutResults(double revenuePerDay, double conversionsPerDay, Double targetRoas,
            Double targetCpa, long minSpend, boolean pause) {
        CampaignState state = campaign().daily(7, 100 * USD, Math.round(revenuePerDay * USD), conversionsPerDay).build();

        List<Proposal> proposals = rule.evaluate(state, settings(targetRoas, targetCpa, minSpend), NOW);

        if (!pause) {
            assertThat(proposals).isEmpty();
            return;
        }
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.actionType()).isEqualTo(ActionType.PAUSE_UNDERPERFORMING);
            assertThat(p.parameters()).isEqualTo(Map.of("status", "PAUSED"));
            assertThat(p.rule()).isEqualTo(RuleType.STATUS_MANAGEMENT);
            assertThat(p.pauses()).isTrue();
        });
    }

    @Test
    void doesNotJudgeACampaignThatSpentNothing() {
        CampaignState state = campaign().daily(7, 0, 0, 0).build();

        assertThat(rule.evaluate(state, settings(null, null, 0), NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EntityStatus.class, names = {"PAUSED", "ARCHIVED", "DELETED"})
    void neverPausesOrResumesACampaignThatIsNotActive(EntityStatus status) {
        CampaignState state = campaign().status(status).daily(7, 100 * USD, 0, 0).build();

        assertThat(rule.evaluate(state, settings(3.0, 25.0, 0), NOW)).isEmpty();
    }

    @Test
    void explainsAPauseForNoResults() {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).build();

        assertThat(rule.evaluate(state, settings(null, null, 100 * USD), NOW).get(0).reason()).isEqualTo(
                "no conversions and no revenue over the last 7 days from 700.00 USD spent (judged from 100.00 USD); pause");
    }

    @Test
    void explainsAPauseForAFarMissedTarget() {
        CampaignState state = campaign().daily(7, 100 * USD, 150 * USD, 5).build();

        assertThat(rule.evaluate(state, settings(3.0, null, 0), NOW).get(0).reason()).isEqualTo(
                "ROAS 1.50 over the last 7 days is 50 % below target 3.00, past the pause limit of half the target"
                        + " ROAS; pause");
    }

    private static RuleSettings settings(Double targetRoas, Double targetCpa, long minSpend) {
        return RuleSettings.builder(RuleType.STATUS_MANAGEMENT)
                .targetRoas(targetRoas == null ? OptionalDouble.empty() : OptionalDouble.of(targetRoas))
                .targetCpa(targetCpa == null ? OptionalDouble.empty() : OptionalDouble.of(targetCpa))
                .minSpendMicros(minSpend)
                .build();
    }
}
