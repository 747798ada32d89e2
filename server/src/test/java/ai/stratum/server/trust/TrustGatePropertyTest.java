package ai.stratum.server.trust;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;

class TrustGatePropertyTest {

    /** BLOCK is stricter than HOLD, which is stricter than PASS. */
    private static int strictness(GateDecision decision) {
        return switch (decision) {
            case PASS -> 0;
            case HOLD -> 1;
            case BLOCK -> 2;
        };
    }

    @Property
    void neverDecidesMoreStrictlyAtAHigherScore(@ForAll("configs") TrustGateConfig config,
                                                @ForAll ActionType action,
                                                @ForAll("scores") double score,
                                                @ForAll("rises") double rise) {
        TrustGate gate = new TrustGate(config);

        GateDecision lower = gate.evaluate(action, score).decision();
        GateDecision higher = gate.evaluate(action, score + rise).decision();

        assertThat(strictness(higher)).isLessThanOrEqualTo(strictness(lower));
    }

    @Property
    void neverDecidesMoreStrictlyAtAHigherScoreAroundTheThresholds(@ForAll("configs") TrustGateConfig config,
                                                                  @ForAll ActionType action,
                                                                  @ForAll boolean aroundHold,
                                                                  @ForAll @DoubleRange(min = -0.02, max = 0.02) double offset) {
        TrustGate gate = new TrustGate(config);
        double boundary = aroundHold ? config.holdThreshold() : config.thresholdOf(config.riskOf(action));
        double score = boundary + offset;

        GateDecision lower = gate.evaluate(action, score).decision();
        GateDecision higher = gate.evaluate(action, Math.nextUp(score)).decision();

        assertThat(strictness(higher)).isLessThanOrEqualTo(strictness(lower));
    }

    @Property
    void alwaysPassesAnAlwaysAllowedAction(@ForAll("configs") TrustGateConfig config,
                                           @ForAll ActionType action,
                                           @ForAll("anyScores") double score) {
        Assume.that(config.alwaysAllowedActions().contains(action));

        GateEvaluation evaluation = new TrustGate(config).evaluate(action, score);

        assertThat(evaluation.decision()).isEqualTo(GateDecision.PASS);
        assertThat(evaluation.riskLevel()).isEqualTo(RiskLevel.ALWAYS_ALLOWED);
    }

    @Property
    void alwaysPassesAnEmergencyStop(@ForAll("configs") TrustGateConfig config, @ForAll("anyScores") double score) {
        assertThat(new TrustGate(config).evaluate(ActionType.EMERGENCY_STOP, score).decision())
                .isEqualTo(GateDecision.PASS);
    }

    @Property
    void neverPassesBelowTheActionsThreshold(@ForAll("configs") TrustGateConfig config,
                                             @ForAll ActionType action,
                                             @ForAll("anyScores") double score) {
        RiskLevel risk = config.riskOf(action);
        Assume.that(risk != RiskLevel.ALWAYS_ALLOWED);

        GateEvaluation evaluation = new TrustGate(config).evaluate(action, score);

        assertThat(evaluation.riskLevel()).isEqualTo(risk);
        assertThat(evaluation.threshold()).isEqualTo(config.thresholdOf(risk));
        if (!(score >= evaluation.threshold())) {
            assertThat(evaluation.decision()).isNotEqualTo(GateDecision.PASS);
        }
        if (!(score >= config.holdThreshold())) {
            assertThat(evaluation.decision()).isEqualTo(GateDecision.BLOCK);
        }
    }

    @Property
    void passesAtOrAboveTheActionsThreshold(@ForAll("configs") TrustGateConfig config,
                                            @ForAll ActionType action,
                                            @ForAll("scores") double score) {
        GateEvaluation evaluation = new TrustGate(config).evaluate(action, score);

        if (score >= config.thresholdOf(config.riskOf(action))) {
            assertThat(evaluation.decision()).isEqualTo(GateDecision.PASS);
        }
    }

    @Property
    void reportsTheAutopilotModeAtTheScore(@ForAll("configs") TrustGateConfig config,
                                           @ForAll ActionType action,
                                           @ForAll("anyScores") double score) {
        GateEvaluation evaluation = new TrustGate(config).evaluate(action, score);

        assertThat(evaluation.autopilotMode()).isEqualTo(AutopilotMode.of(score, config));
        assertThat(evaluation.reasons()).hasSize(2).doesNotContainNull();
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

    @Provide
    Arbitrary<Double> rises() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 50).ofScale(3), Arbitraries.of(0.0, 0.01));
    }
}
