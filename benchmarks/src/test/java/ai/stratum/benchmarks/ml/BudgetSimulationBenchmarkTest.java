package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.simulation.BudgetSimulation;
import ai.stratum.server.ml.simulation.DailyPerformance;
import ai.stratum.server.ml.simulation.ResponseCurve;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's history is what it claims, and the simulation it times is a full one. */
class BudgetSimulationBenchmarkTest {

    @Test
    void historySpansNinetyDaysOfMovingSpend() {
        List<DailyPerformance> history = BudgetSimulationBenchmark.history();

        assertThat(history).hasSize(90);
        double min = history.stream().mapToDouble(DailyPerformance::spend).min().orElseThrow();
        double max = history.stream().mapToDouble(DailyPerformance::spend).max().orElseThrow();
        assertThat(min).isBetween(150.0, 170.0);
        assertThat(max).isBetween(430.0, 450.0);
    }

    @Test
    void simulatesTheSeedsThreeScenariosWithTheRunsAsked() {
        BudgetSimulationBenchmark benchmark = new BudgetSimulationBenchmark();
        benchmark.simulations = 1_000;
        benchmark.setUp();

        BudgetSimulation simulation = benchmark.simulate();

        assertThat(benchmark.input.simulations()).isEqualTo(1_000);
        assertThat(simulation.scenarios()).hasSize(3);
        ResponseCurve curve = simulation.responseCurve().curve();
        assertThat(curve.revenue(300)).isCloseTo(1_500 * (1 - Math.exp(-300.0 / 400)), within(60.0));
        assertThat(simulation.scenarios()).allSatisfy(s ->
                assertThat(s.confidenceInterval().get(0)).isLessThan(s.confidenceInterval().get(1)));
    }
}
