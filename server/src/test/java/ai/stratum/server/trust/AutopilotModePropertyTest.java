package ai.stratum.server.trust;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class AutopilotModePropertyTest {

    @Property
    void allowsInEachModeNoMoreThanInTheModeAbove(@ForAll("configs") TrustGateConfig config,
                                                 @ForAll ActionType action) {
        AutopilotMode[] modes = AutopilotMode.values();
        for (int i = 1; i < modes.length; i++) {
            if (modes[i].mayPropose(action, config)) {
                assertThat(modes[i - 1].mayPropose(action, config)).as("%s in %s", action, modes[i - 1]).isTrue();
            }
        }
    }

    @Property
    void neverGetsStricterAtAHigherScore(@ForAll("configs") TrustGateConfig config,
                                         @ForAll("scores") double score,
                                         @ForAll("scores") double other) {
        double lower = Math.min(score, other);
        double higher = Math.max(score, other);

        assertThat(AutopilotMode.of(higher, config).ordinal()).isLessThanOrEqualTo(AutopilotMode.of(lower, config).ordinal());
    }

    @Property
    void neverProposesAnActionTheGateWouldBlock(@ForAll("configs") TrustGateConfig config,
                                                @ForAll ActionType action,
                                                @ForAll("anyScores") double score) {
        if (AutopilotMode.of(score, config).mayPropose(action, config)) {
            assertThat(new TrustGate(config).evaluate(action, score).decision()).isNotEqualTo(GateDecision.BLOCK);
        }
    }

    @Property
    void alwaysLetsTheAutopilotProposeAnEmergencyStop(@ForAll("configs") TrustGateConfig config,
                                                     @ForAll AutopilotMode mode) {
        assertThat(mode.mayPropose(ActionType.EMERGENCY_STOP, config)).isTrue();
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
