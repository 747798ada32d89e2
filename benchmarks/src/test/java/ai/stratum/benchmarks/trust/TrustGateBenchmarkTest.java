package ai.stratum.benchmarks.trust;

import ai.stratum.server.trust.AutopilotMode;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.GateEvaluation;
import ai.stratum.server.trust.RiskLevel;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate benchmark's inputs reach every decision, risk level and autopilot mode. */
class TrustGateBenchmarkTest {

    @Test
    void inputsCoverEveryBranchOfTheGate() {
        TrustGateBenchmark benchmark = new TrustGateBenchmark();
        benchmark.setUp();
        Set<GateDecision> decisions = EnumSet.noneOf(GateDecision.class);
        Set<RiskLevel> risks = EnumSet.noneOf(RiskLevel.class);
        Set<AutopilotMode> modes = EnumSet.noneOf(AutopilotMode.class);
        for (int i = 0; i < TrustGateBenchmark.INPUTS; i++) {
            GateEvaluation evaluation = benchmark.evaluate();
            decisions.add(evaluation.decision());
            risks.add(evaluation.riskLevel());
            modes.add(evaluation.autopilotMode());
        }
        assertThat(decisions).containsExactlyInAnyOrder(GateDecision.values());
        assertThat(risks).containsExactlyInAnyOrder(RiskLevel.values());
        assertThat(modes).containsExactlyInAnyOrder(AutopilotMode.values());
    }
}
