package ai.stratum.server.ml.simulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetSimulatorPropertyTest {

    private static final double[] LADDER = {-80, -50, -20, 0.5, 20, 50, 100, 200, 400, 900};

    private final BudgetSimulator simulator = new BudgetSimulator();

    @Property(tries = 200)
    void neverRaisesMarginalRoasWithSpend(@ForAll @DoubleRange(min = 50, max = 50_000) double ceiling,
                                          @ForAll @DoubleRange(min = 0.2, max = 5) double bendShare,
                                          @ForAll @DoubleRange(min = 0.02, max = 0.8) double spread,
                                          @ForAll @DoubleRange(min = 0, max = 0.6) double noise,
                                          @ForAll @IntRange(min = 14, max = 120) int days,
                                          @ForAll @IntRange(min = 1, max = 90) int horizon,
                                          @ForAll long seed) {
        BudgetSimulation result = simulate(ceiling, bendShare, spread, noise, days, horizon, seed);

        List<ScenarioOutcome> bySpend = new ArrayList<>(result.scenarios());
        bySpend.sort(Comparator.comparingDouble(ScenarioOutcome::spend));
        double previousSlope = Double.POSITIVE_INFINITY;
        double previousSpend = 0;
        double previousRevenue = 0;
        for (ScenarioOutcome scenario : bySpend) {
            double slope = (scenario.revenue() - previousRevenue) / (scenario.spend() - previousSpend);
            // each run's revenue is concave in spend, so their mean is: slopes never rise
            assertThat(slope).isLessThanOrEqualTo(previousSlope * (1 + 1e-9) + 1e-12);
            assertThat(scenario.revenue()).isGreaterThanOrEqualTo(previousRevenue * (1 - 1e-12));
            previousSlope = slope;
            previousSpend = scenario.spend();
            previousRevenue = scenario.revenue();
        }
        for (int j = 1; j < bySpend.size(); j++) {
            // marginal ROAS against the baseline falls as the scenario's budget rises
            assertThat(bySpend.get(j).marginalRoas()).isLessThanOrEqualTo(bySpend.get(j - 1).marginalRoas() * (1 + 1e-9) + 1e-12);
        }
    }

    @Property(tries = 200)
    void keepsTheMeanWithinTheInterval(@ForAll @DoubleRange(min = 50, max = 50_000) double ceiling,
                                       @ForAll @DoubleRange(min = 0.2, max = 5) double bendShare,
                                       @ForAll @DoubleRange(min = 0.02, max = 0.8) double spread,
                                       @ForAll @DoubleRange(min = 0, max = 0.6) double noise,
                                       @ForAll @IntRange(min = 14, max = 120) int days,
                                       @ForAll @IntRange(min = 1, max = 90) int horizon,
                                       @ForAll long seed) {
        BudgetSimulation result = simulate(ceiling, bendShare, spread, noise, days, horizon, seed);

        for (ScenarioOutcome scenario : result.scenarios()) {
            assertThat(scenario.confidenceInterval().get(0)).isLessThanOrEqualTo(scenario.revenue() * (1 + 1e-12));
            assertThat(scenario.revenue()).isLessThanOrEqualTo(scenario.confidenceInterval().get(1) * (1 + 1e-12));
            assertThat(scenario.confidenceInterval().get(0)).isGreaterThanOrEqualTo(0.0);
        }
    }

    @Property(tries = 50)
    void givesTheSameAnswerForTheSameSeed(@ForAll @DoubleRange(min = 0.2, max = 5) double bendShare,
                                          @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        assertThat(simulate(1_000, bendShare, 0.5, 0.2, 30, 30, seed).scenarios())
                .isEqualTo(simulate(1_000, bendShare, 0.5, 0.2, 30, 30, seed).scenarios());
    }

    private BudgetSimulation simulate(double ceiling, double bendShare, double spread, double noise, int days,
                                      int horizon, long seed) {
        double baseSpend = 100;
        ResponseCurve truth = new ResponseCurve(ceiling, baseSpend * bendShare);
        List<DailyPerformance> history = SyntheticHistory.draw(truth, baseSpend, spread, noise, days, seed);
        List<BudgetScenario> scenarios = new ArrayList<>();
        for (double change : LADDER) {
            scenarios.add(new BudgetScenario(change + "%", change));
        }
        return simulator.simulate(new BudgetSimulationInput(baseSpend * horizon, scenarios, horizon, 500, seed, history));
    }
}
