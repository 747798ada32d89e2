package ai.stratum.server.autopilot;

import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.GateEvaluation;
import ai.stratum.server.trust.RiskLevel;
import ai.stratum.server.trust.TrustGate;
import ai.stratum.server.trust.TrustGateConfig;
import ai.stratum.server.trust.TrustGateConfigArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionGuardPropertyTest {

    @Property
    void neverExecutesAPassedActionBelowItsThreshold(@ForAll("configs") TrustGateConfig config,
                                                     @ForAll ActionType action,
                                                     @ForAll("anyScores") double atExecution) {
        RiskLevel risk = config.riskOf(action);

        Optional<String> refusal = ExecutionGuard.GATE.refusal(ExecutionGuardTest.decidedAt(action, 100), atExecution,
                config);

        if (risk != RiskLevel.ALWAYS_ALLOWED && !(atExecution >= config.thresholdOf(risk))) {
            assertThat(refusal).isPresent();
        } else {
            assertThat(refusal).isEmpty();
        }
    }

    @Property
    void neverExecutesAnApprovedActionBelowTheHoldThreshold(@ForAll("configs") TrustGateConfig config,
                                                            @ForAll ActionType action,
                                                            @ForAll("anyScores") double atExecution) {
        RiskLevel risk = config.riskOf(action);

        Optional<String> refusal = ExecutionGuard.APPROVAL.refusal(ExecutionGuardTest.decidedAt(action, 50),
                atExecution, config);

        if (risk != RiskLevel.ALWAYS_ALLOWED && !(atExecution >= config.holdThreshold())) {
            assertThat(refusal).isPresent();
        } else {
            assertThat(refusal).isEmpty();
        }
    }

    @Property
    void agreesWithTheGateAtTheHealthOfExecutionWhateverTheHealthAtDecision(
            @ForAll("configs") TrustGateConfig config, @ForAll ActionType action,
            @ForAll("scores") double atDecision, @ForAll("anyScores") double atExecution) {
        TrustGate gate = new TrustGate(config);
        GateEvaluation decided = gate.evaluate(action, atDecision);
        StoredAction stored = ExecutionGuardTest.decidedAt(action, atDecision);
        GateDecision atExecutionDecision = gate.evaluate(action, atExecution).decision();

        if (decided.decision() == GateDecision.PASS) {
            boolean runs = ExecutionGuard.GATE.refusal(stored, atExecution, config).isEmpty();
            assertThat(runs).isEqualTo(atExecutionDecision == GateDecision.PASS);
        } else if (decided.decision() == GateDecision.HOLD) {
            boolean runsOnceApproved = ExecutionGuard.APPROVAL.refusal(stored, atExecution, config).isEmpty();
            assertThat(runsOnceApproved).isEqualTo(atExecutionDecision != GateDecision.BLOCK);
        }
    }

    @Property
    void alwaysExecutesAnOverride(@ForAll("configs") TrustGateConfig config, @ForAll ActionType action,
                                  @ForAll("anyScores") double atExecution) {
        assertThat(ExecutionGuard.OVERRIDE.refusal(ExecutionGuardTest.decidedAt(action, 10), atExecution, config))
                .isEmpty();
    }

    @Provide
    Arbitrary<TrustGateConfig> configs() {
        return TrustGateConfigArbitraries.valid();
    }

    @Provide
    Arbitrary<Double> scores() {
        return TrustGateConfigArbitraries.scores();
    }

    @Provide
    Arbitrary<Double> anyScores() {
        return TrustGateConfigArbitraries.anyScores();
    }
}
