package ai.stratum.server.trust;

import ai.stratum.server.signals.health.TrustSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrustGateTest {

    private final TrustGate gate = new TrustGate(TrustGateConfig.defaults());

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "INCREASE_BUDGET,       100,    PASS",
            "INCREASE_BUDGET,       80,     PASS",
            "INCREASE_BUDGET,       79.99,  HOLD",
            "LAUNCH_NEW_CAMPAIGNS,  80,     PASS",
            "LAUNCH_NEW_CAMPAIGNS,  79.99,  HOLD",
            "EXPAND_TARGETING,      80,     PASS",
            "EXPAND_TARGETING,      79.99,  HOLD",
            "INCREASE_BID,          80,     PASS",
            "INCREASE_BID,          79.99,  HOLD",
            "INCREASE_BID,          70,     HOLD",
            "INCREASE_BID,          40,     HOLD",
            "INCREASE_BID,          39.99,  BLOCK"})
    void holdsHighRiskActionBelowEighty(ActionType action, double score, GateDecision expected) {
        GateEvaluation evaluation = gate.evaluate(action, score);

        assertThat(evaluation.decision()).isEqualTo(expected);
        assertThat(evaluation.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
        assertThat(evaluation.threshold()).isEqualTo(80.0);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "UPDATE_BUDGET,  70,     PASS",
            "UPDATE_BUDGET,  69.99,  HOLD",
            "UPDATE_BID,     70,     PASS",
            "UPDATE_BID,     69.99,  HOLD",
            "UPDATE_STATUS,  70,     PASS",
            "UPDATE_STATUS,  69.99,  HOLD",
            "UPDATE_STATUS,  40,     HOLD",
            "UPDATE_STATUS,  39.99,  BLOCK"})
    void holdsStandardActionBelowSeventy(ActionType action, double score, GateDecision expected) {
        GateEvaluation evaluation = gate.evaluate(action, score);

        assertThat(evaluation.decision()).isEqualTo(expected);
        assertThat(evaluation.riskLevel()).isEqualTo(RiskLevel.STANDARD);
        assertThat(evaluation.threshold()).isEqualTo(70.0);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "PAUSE_UNDERPERFORMING,  60,     PASS",
            "PAUSE_UNDERPERFORMING,  59.99,  HOLD",
            "REDUCE_BUDGET,          60,     PASS",
            "REDUCE_BUDGET,          59.99,  HOLD",
            "REDUCE_BID,             60,     PASS",
            "REDUCE_BID,             59.99,  HOLD",
            "REDUCE_BID,             40,     HOLD",
            "REDUCE_BID,             39.99,  BLOCK"})
    void holdsConservativeActionBelowSixty(ActionType action, double score, GateDecision expected) {
        GateEvaluation evaluation = gate.evaluate(action, score);

        assertThat(evaluation.decision()).isEqualTo(expected);
        assertThat(evaluation.riskLevel()).isEqualTo(RiskLevel.CONSERVATIVE);
        assertThat(evaluation.threshold()).isEqualTo(60.0);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "INCREASE_BUDGET,  40,     HOLD",
            "INCREASE_BUDGET,  39.99,  BLOCK",
            "UPDATE_BUDGET,    40,     HOLD",
            "UPDATE_BUDGET,    39.99,  BLOCK",
            "REDUCE_BUDGET,    40,     HOLD",
            "REDUCE_BUDGET,    39.99,  BLOCK",
            "REDUCE_BUDGET,    0,      BLOCK",
            "REDUCE_BUDGET,    -1,     BLOCK"})
    void blocksEveryActionButTheAlwaysAllowedBelowForty(ActionType action, double score, GateDecision expected) {
        assertThat(gate.evaluate(action, score).decision()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "PAUSE_ALL,       0",
            "PAUSE_ALL,       NaN",
            "PAUSE_ALL,       -10",
            "PAUSE_ALL,       100",
            "EMERGENCY_STOP,  0",
            "EMERGENCY_STOP,  NaN",
            "EMERGENCY_STOP,  39.99"})
    void passesAlwaysAllowedActionsAtAnyHealth(ActionType action, double score) {
        GateEvaluation evaluation = gate.evaluate(action, score);

        assertThat(evaluation.decision()).isEqualTo(GateDecision.PASS);
        assertThat(evaluation.passed()).isTrue();
        assertThat(evaluation.riskLevel()).isEqualTo(RiskLevel.ALWAYS_ALLOWED);
        assertThat(evaluation.threshold()).isZero();
    }

    @ParameterizedTest(name = "{0} at NaN")
    @EnumSource(value = ActionType.class, names = {"PAUSE_ALL", "EMERGENCY_STOP"}, mode = EnumSource.Mode.EXCLUDE)
    void blocksEveryOtherActionWhenTheHealthIsUnknown(ActionType action) {
        GateEvaluation evaluation = gate.evaluate(action, Double.NaN);

        assertThat(evaluation.decision()).isEqualTo(GateDecision.BLOCK);
        assertThat(evaluation.autopilotMode()).isEqualTo(AutopilotMode.FROZEN);
    }

    @ParameterizedTest(name = "at {0} the autopilot mode is {1}")
    @CsvSource({"85, NORMAL", "70, NORMAL", "69.99, LIMITED", "60, LIMITED", "59.99, CUTS_ONLY", "40, CUTS_ONLY",
            "39.99, FROZEN"})
    void reportsTheAutopilotModeAtTheScore(double score, AutopilotMode mode) {
        GateEvaluation evaluation = gate.evaluate(ActionType.UPDATE_BID, score);

        assertThat(evaluation.autopilotMode()).isEqualTo(mode);
        assertThat(evaluation.score()).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} at {1}: \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "INCREASE_BUDGET | 85    | Signal health 85.0 meets the high-risk threshold 80.0",
            "INCREASE_BUDGET | 80    | Signal health 80.0 meets the high-risk threshold 80.0",
            "INCREASE_BUDGET | 79.99 | Signal health 79.99 is below the high-risk threshold 80.0; held for approval",
            "UPDATE_BUDGET   | 65.5  | Signal health 65.5 is below the standard threshold 70.0; held for approval",
            "REDUCE_BID      | 39.99 | Signal health 39.99 is below the conservative threshold 60.0 and the hold threshold 40.0; blocked",
            "UPDATE_STATUS   | 12    | Signal health 12.0 is below the standard threshold 70.0 and the hold threshold 40.0; blocked",
            "EMERGENCY_STOP  | 12    | EMERGENCY_STOP is always allowed, whatever the signal health"})
    void explainsTheDecision(ActionType action, double score, String reason) {
        assertThat(gate.evaluate(action, score).reasons()).first().isEqualTo(reason);
    }

    @ParameterizedTest(name = "at {0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "85    | Autopilot mode NORMAL: Signal health excellent - full autopilot",
            "72    | Autopilot mode NORMAL: Signal health good - autopilot enabled",
            "65    | Autopilot mode LIMITED: Signal health degraded - conservative only",
            "45    | Autopilot mode CUTS_ONLY: Signal health low - pause/reduce only",
            "NaN   | Autopilot mode FROZEN: Signal health critical - automation frozen"})
    void explainsTheAutopilotModeAfterTheDecision(double score, String reason) {
        assertThat(gate.evaluate(ActionType.REDUCE_BUDGET, score).reasons()).hasSize(2).last().isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            // off every list: standard at 75
            "INCREASE_BUDGET,   75,     PASS",
            "INCREASE_BUDGET,   74.99,  HOLD",
            // high-risk at 90
            "EXPAND_TARGETING,  90,     PASS",
            "EXPAND_TARGETING,  89.99,  HOLD",
            // made conservative: 50, held down to 30
            "UPDATE_STATUS,     50,     PASS",
            "UPDATE_STATUS,     49.99,  HOLD",
            "UPDATE_STATUS,     30,     HOLD",
            "UPDATE_STATUS,     29.99,  BLOCK",
            // no longer always allowed
            "PAUSE_ALL,         50,     PASS",
            "PAUSE_ALL,         29.99,  BLOCK",
            "EMERGENCY_STOP,    0,      PASS"})
    void judgesByACustomConfiguration(ActionType action, double score, GateDecision expected) {
        TrustGateConfig custom = new TrustGateConfig(90, 75, 50, 30,
                EnumSet.of(ActionType.LAUNCH_NEW_CAMPAIGNS, ActionType.EXPAND_TARGETING, ActionType.INCREASE_BID),
                EnumSet.of(ActionType.UPDATE_STATUS, ActionType.PAUSE_ALL, ActionType.REDUCE_BUDGET),
                EnumSet.of(ActionType.EMERGENCY_STOP));

        assertThat(new TrustGate(custom).evaluate(action, score).decision()).isEqualTo(expected);
    }

    @Test
    void blocksRatherThanHoldsWhenTheHoldThresholdEqualsTheActionsThreshold() {
        TrustGateConfig noHolds = new TrustGateConfig(80, 70, 60, 60, TrustGateConfig.defaults().highRiskActions(),
                TrustGateConfig.defaults().conservativeActions(), TrustGateConfig.defaults().alwaysAllowedActions());
        TrustGate strict = new TrustGate(noHolds);

        assertThat(strict.evaluate(ActionType.REDUCE_BUDGET, 60).decision()).isEqualTo(GateDecision.PASS);
        assertThat(strict.evaluate(ActionType.REDUCE_BUDGET, 59.99).decision()).isEqualTo(GateDecision.BLOCK);
        assertThat(strict.evaluate(ActionType.UPDATE_BUDGET, 60).decision()).isEqualTo(GateDecision.HOLD);
    }

    @Test
    void judgesByTheThresholdsOfTheTrustSettings() {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of("TRUST_HIGH_RISK_THRESHOLD", "85",
                "TRUST_HEALTHY_THRESHOLD", "75", "TRUST_CONSERVATIVE_THRESHOLD", "65", "TRUST_HOLD_THRESHOLD", "45"));
        TrustGate configured = new TrustGate(TrustGateConfig.from(settings));

        assertThat(configured.evaluate(ActionType.INCREASE_BUDGET, 84.99).decision()).isEqualTo(GateDecision.HOLD);
        assertThat(configured.evaluate(ActionType.UPDATE_BUDGET, 75).decision()).isEqualTo(GateDecision.PASS);
        assertThat(configured.evaluate(ActionType.REDUCE_BUDGET, 64.99).decision()).isEqualTo(GateDecision.HOLD);
        assertThat(configured.evaluate(ActionType.REDUCE_BUDGET, 44.99).decision()).isEqualTo(GateDecision.BLOCK);
    }
}
