package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.GateEvaluation;
import ai.stratum.server.trust.TrustGate;
import ai.stratum.server.trust.TrustGateConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionGuardTest {

    private static final TrustGateConfig SEED = TrustGateConfig.defaults();

    @ParameterizedTest(name = "{0} {1} at {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "runs", value = {
            // the gate passed it: health must still meet the action's own threshold
            "GATE     | INCREASE_BUDGET | 80    | runs",
            "GATE     | INCREASE_BUDGET | 79.99 | Signal health fell to 79.99 before execution, below the 80.0 this action needs; not executed",
            "GATE     | INCREASE_BUDGET | 75    | Signal health fell to 75.0 before execution, below the 80.0 this action needs; not executed",
            "GATE     | UPDATE_BUDGET   | 70    | runs",
            "GATE     | UPDATE_BUDGET   | 69.99 | Signal health fell to 69.99 before execution, below the 70.0 this action needs; not executed",
            "GATE     | REDUCE_BUDGET   | 60    | runs",
            "GATE     | REDUCE_BUDGET   | 59.99 | Signal health fell to 59.99 before execution, below the 60.0 this action needs; not executed",
            "GATE     | REDUCE_BID      | NaN   | Signal health fell to NaN before execution, below the 60.0 this action needs; not executed",
            "GATE     | PAUSE_ALL       | 0     | runs",
            "GATE     | EMERGENCY_STOP  | NaN   | runs",
            // a person approved it: health must still be at or above the hold threshold
            "APPROVAL | INCREASE_BUDGET | 40    | runs",
            "APPROVAL | INCREASE_BUDGET | 39.99 | Signal health fell to 39.99 before execution, below the 40.0 this action needs; not executed",
            "APPROVAL | UPDATE_STATUS   | 12.3  | Signal health fell to 12.3 before execution, below the 40.0 this action needs; not executed",
            "APPROVAL | PAUSE_ALL       | 0     | runs",
            // an admin overrode the gate, with a reason on record
            "OVERRIDE | INCREASE_BUDGET | 0     | runs",
            "OVERRIDE | INCREASE_BUDGET | NaN   | runs"})
    void rechecksTheHealthAtExecution(ExecutionGuard guard, ActionType action, double score, String refusal) {
        StoredAction stored = decidedAt(action, 95);

        if (refusal == null) {
            assertThat(guard.refusal(stored, score, SEED)).isEmpty();
        } else {
            assertThat(guard.refusal(stored, score, SEED)).hasValue(refusal);
        }
    }

    @Test
    void refusesAPassedActionWhenTheHealthDropsBeforeExecution() {
        GateEvaluation decided = new TrustGate(SEED).evaluate(ActionType.INCREASE_BUDGET, 92);
        StoredAction stored = decidedAt(ActionType.INCREASE_BUDGET, decided.score());

        assertThat(decided.decision()).isEqualTo(GateDecision.PASS);
        assertThat(ExecutionGuard.GATE.refusal(stored, 81, SEED)).isEmpty();
        assertThat(ExecutionGuard.GATE.refusal(stored, 79.5, SEED)).isPresent();
    }

    @Test
    void refusesAnApprovedActionWhenTheHealthDropsBelowHoldBeforeExecution() {
        GateEvaluation decided = new TrustGate(SEED).evaluate(ActionType.UPDATE_BID, 55);
        StoredAction stored = decidedAt(ActionType.UPDATE_BID, decided.score());

        assertThat(decided.decision()).isEqualTo(GateDecision.HOLD);
        assertThat(ExecutionGuard.APPROVAL.refusal(stored, 41, SEED)).isEmpty();
        assertThat(ExecutionGuard.APPROVAL.refusal(stored, 38, SEED)).isPresent();
    }

    @Test
    void judgesByTheRiskLevelConfiguredAtExecution() {
        StoredAction stored = decidedAt(ActionType.UPDATE_STATUS, 75);
        TrustGateConfig nowHighRisk = new TrustGateConfig(80, 70, 60, 40, EnumSet.of(ActionType.UPDATE_STATUS),
                SEED.conservativeActions(), SEED.alwaysAllowedActions());

        assertThat(ExecutionGuard.GATE.refusal(stored, 75, SEED)).isEmpty();
        assertThat(ExecutionGuard.GATE.refusal(stored, 75, nowHighRisk)).isPresent();
    }

    /** An action the gate passed when the account's health was {@code score}, now claimed for execution. */
    static StoredAction decidedAt(ActionType action, double score) {
        GateEvaluation evaluation = new TrustGate(SEED).evaluate(action, score);
        return new StoredAction("b0a3f1e2-0000-4000-8000-000000000001", "tenant-1", Platform.META, "act_1",
                EntityType.CAMPAIGN, "c_1", action, Map.of(), ActionStatus.EXECUTING, evaluation.decision(),
                evaluation.riskLevel(), evaluation.threshold(), List.copyOf(evaluation.reasons()), "key-1",
                evaluation.passed(), score, null, null, null, false, null, null, null,
                Instant.parse("2025-03-15T12:00:00Z"), null);
    }
}
