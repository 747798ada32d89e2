package ai.stratum.server.ml.simulation;

import ai.stratum.server.ml.InvalidMlInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

class BudgetSimulatorTest {

    /** Revenue saturates at 1,500 a day, bending at 400 a day of spend. */
    private static final ResponseCurve CURVE = new ResponseCurve(1_500, 400);
    private static final List<DailyPerformance> HISTORY = SyntheticHistory.draw(CURVE, 300, 0.5, 0.1, 60, 1);
    private static final List<BudgetScenario> SEED_SCENARIOS = List.of(
            new BudgetScenario("+20% Budget", 20),
            new BudgetScenario("-20% Budget", -20),
            new BudgetScenario("+50% Budget", 50));

    private final BudgetSimulator simulator = new BudgetSimulator();

    @Test
    void answersInTheSeedsShape() {
        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 7, HISTORY));

        BaselineOutcome baseline = result.baseline();
        assertThat(baseline.spend()).isEqualTo(9_000);
        assertThat(baseline.roas()).isCloseTo(baseline.revenue() / 9_000, offset(1e-12));
        assertThat(baseline.conversions()).isEqualTo((long) Math.floor(baseline.revenue() / SyntheticHistory.ORDER_VALUE));
        assertThat(result.scenarios()).extracting(ScenarioOutcome::name)
                .containsExactly("+20% Budget", "-20% Budget", "+50% Budget");
        assertThat(result.scenarios()).extracting(ScenarioOutcome::spend).containsExactly(10_800.0, 7_200.0, 13_500.0);
        for (ScenarioOutcome scenario : result.scenarios()) {
            assertThat(scenario.roas()).isCloseTo(scenario.revenue() / scenario.spend(), offset(1e-12));
            assertThat(scenario.marginalRoas()).isCloseTo(
                    (scenario.revenue() - baseline.revenue()) / (scenario.spend() - baseline.spend()), offset(1e-9));
            assertThat(scenario.conversions())
                    .isEqualTo((long) Math.floor(scenario.revenue() / SyntheticHistory.ORDER_VALUE));
            assertThat(scenario.confidenceInterval()).hasSize(2);
        }
    }

    @Test
    void recoversTheCurveAHistoryWasDrawnFrom() {
        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 7, HISTORY));

        ResponseCurve fitted = result.responseCurve().curve();
        assertThat(fitted.revenue(150)).isCloseTo(CURVE.revenue(150), within(0.05 * CURVE.revenue(150)));
        assertThat(fitted.revenue(450)).isCloseTo(CURVE.revenue(450), within(0.05 * CURVE.revenue(450)));
        assertThat(result.responseCurve().relativeNoise()).isCloseTo(0.1, within(0.03));
        assertThat(result.responseCurve().days()).isEqualTo(60);
        // the true revenue at each scenario's spend lies inside its interval
        for (ScenarioOutcome scenario : result.scenarios()) {
            assertThat(30 * CURVE.revenue(scenario.spend() / 30))
                    .isBetween(scenario.confidenceInterval().get(0), scenario.confidenceInterval().get(1));
        }
    }

    @Test
    void givesTheSameResultForTheSameSeed() {
        BudgetSimulationInput input = new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 42, HISTORY);

        assertThat(simulator.simulate(input).scenarios()).isEqualTo(simulator.simulate(input).scenarios());
        assertThat(simulator.simulate(input).baseline()).isEqualTo(simulator.simulate(input).baseline());
    }

    @Test
    void drawsDifferentRunsForADifferentSeed() {
        BudgetSimulation one = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 1, HISTORY));
        BudgetSimulation other = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 2, HISTORY));

        assertThat(one.scenarios().get(0).confidenceInterval()).isNotEqualTo(other.scenarios().get(0).confidenceInterval());
        // but the same answer within Monte Carlo error
        assertThat(one.scenarios().get(0).revenue()).isCloseTo(other.scenarios().get(0).revenue(),
                within(0.02 * one.scenarios().get(0).revenue()));
    }

    @Test
    void signsTheMarginalRoasOfACutAsTheSeedsExampleDoes() {
        // the seed's example: -20 % of 10,000 loses 4,800 of 32,000, a marginal ROAS of 2.4 (its code said 0)
        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 7, HISTORY));

        ScenarioOutcome cut = result.scenarios().get(1);
        assertThat(cut.revenue()).isLessThan(result.baseline().revenue());
        assertThat(cut.marginalRoas()).isPositive();
    }

    @Test
    void hasNoMarginalRoasWithoutAChangeAndNothingAtNoBudget() {
        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, List.of(
                new BudgetScenario("same", 0), new BudgetScenario("paused", -100)), 30, 1_000, 7, HISTORY));

        assertThat(result.scenarios().get(0).marginalRoas()).isZero();
        assertThat(result.scenarios().get(0).revenue()).isEqualTo(result.baseline().revenue());
        ScenarioOutcome paused = result.scenarios().get(1);
        assertThat(paused.spend()).isZero();
        assertThat(paused.revenue()).isZero();
        assertThat(paused.roas()).isZero();
        assertThat(paused.confidenceInterval()).containsExactly(0.0, 0.0);
        assertThat(paused.marginalRoas()).isCloseTo(result.baseline().revenue() / 9_000, offset(1e-9));
    }

    @Test
    void fallsBelowOneMarginalRoasFarPastSaturation() {
        // 900 % more: 3,000 a day against a bend at 400; each extra unit buys a fraction of itself
        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, List.of(
                new BudgetScenario("+900%", 900)), 30, 1_000, 7, HISTORY));

        ScenarioOutcome far = result.scenarios().get(0);
        assertThat(far.marginalRoas()).isLessThan(1);
        assertThat(far.roas()).isLessThan(result.baseline().roas());
    }

    @Test
    void earnsNothingAtAnySpendWhenTheHistoryEarnedNothing() {
        List<DailyPerformance> nothing = new ArrayList<>();
        for (DailyPerformance day : HISTORY) {
            nothing.add(new DailyPerformance(day.date(), day.spend(), 0, 0));
        }

        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 7, nothing));

        assertThat(result.baseline().revenue()).isZero();
        assertThat(result.baseline().conversions()).isZero();
        assertThat(result.scenarios()).allSatisfy(s -> assertThat(s.confidenceInterval()).containsExactly(0.0, 0.0));
    }

    @Test
    void ignoresDaysWithoutSpendWhenFitting() {
        List<DailyPerformance> withPause = new ArrayList<>(HISTORY);
        withPause.add(new DailyPerformance(SyntheticHistory.FIRST_DAY.minusDays(1), 0, 0, 0));
        withPause.add(new DailyPerformance(SyntheticHistory.FIRST_DAY.minusDays(2), 0, 250, 3));

        BudgetSimulation result = simulator.simulate(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 7, withPause));

        assertThat(result.responseCurve().days()).isEqualTo(60);
    }

    @ParameterizedTest(name = "[{0}] at {1}: {2}")
    @CsvSource({
            "1 2 3 4,   0.05, 1.15",
            "1 2 3 4,   0.95, 3.85",
            "1 2 3 4,   0.5,  2.5",
            "5,         0.05, 5",
            "0 10,      0.95, 9.5",
            "1 1 1 9,   0.95, 7.8"})
    void takesPercentilesByLinearInterpolationAsNumpyDoes(String values, double p, double expected) {
        double[] sorted = java.util.Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).toArray();

        assertThat(BudgetSimulator.percentile(sorted, p)).isCloseTo(expected, offset(1e-12));
    }

    @ParameterizedTest(name = "{0} = {1}: refused")
    @CsvSource({
            "baseBudget,                        -1",
            "baseBudget,                        0",
            "baseBudget,                        NaN",
            "scenarios[1].budgetChangePercent,  -100.5",
            "scenarios[1].budgetChangePercent,  901",
            "scenarios[1].budgetChangePercent,  NaN",
            "timeHorizonDays,                   0",
            "timeHorizonDays,                   367",
            "simulations,                       99",
            "simulations,                       100001"})
    void refusesAnInputOutOfRangeNamingTheField(String field, double value) {
        assertThatThrownBy(() -> new BudgetSimulationInput(
                field.equals("baseBudget") ? value : 9_000,
                List.of(new BudgetScenario("up", 20), new BudgetScenario("changed",
                        field.startsWith("scenarios") ? value : 10)),
                field.equals("timeHorizonDays") ? (int) value : 30,
                field.equals("simulations") ? (int) value : 1_000, 1, HISTORY))
                .isInstanceOf(InvalidMlInputException.class)
                .extracting(e -> ((InvalidMlInputException) e).field()).isEqualTo(field);
    }

    @Test
    void acceptsOneHundredThousandSimulationsButNoMore() {
        assertThat(new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, BudgetSimulationInput.MAX_SIMULATIONS, 1, HISTORY)
                .simulations()).isEqualTo(100_000);
        assertThatThrownBy(() -> new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 100_001, 1, HISTORY))
                .hasMessage("simulations: must be 100 to 100000, was 100001");
    }

    @Test
    void refusesMissingOrUnnamedScenarios() {
        assertField(() -> new BudgetSimulationInput(9_000, List.of(), 30, 1_000, 1, HISTORY), "scenarios");
        assertField(() -> new BudgetSimulationInput(9_000, List.of(new BudgetScenario(" ", 10)), 30, 1_000, 1, HISTORY),
                "scenarios[0].name");
    }

    @Test
    void refusesAHistoryShorterThanTwoWeeksOfSpend() {
        List<DailyPerformance> thirteen = new ArrayList<>(HISTORY.subList(0, 13));
        thirteen.add(new DailyPerformance(SyntheticHistory.FIRST_DAY.minusDays(1), 0, 10, 1));

        assertThatThrownBy(() -> new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 1, thirteen))
                .isInstanceOf(InvalidMlInputException.class)
                .hasMessage("history: needs at least 14 days with spend to fit a response curve, has 13");
    }

    @Test
    void refusesABadHistoryDayNamingItsPath() {
        List<DailyPerformance> history = new ArrayList<>(HISTORY);
        DailyPerformance third = history.get(3);
        history.set(3, new DailyPerformance(third.date(), -5, third.revenue(), third.conversions()));
        assertField(() -> new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 1, history), "history[3].spend");

        history.set(3, new DailyPerformance(third.date(), third.spend(), Double.NaN, third.conversions()));
        assertField(() -> new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 1, history), "history[3].revenue");

        history.set(3, new DailyPerformance(history.get(2).date(), third.spend(), third.revenue(), third.conversions()));
        assertField(() -> new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 1, history), "history[3].date");
    }

    @Test
    void refusesAHistoryWhoseSpendNeverChanged() {
        List<DailyPerformance> flat = new ArrayList<>();
        for (DailyPerformance day : HISTORY) {
            flat.add(new DailyPerformance(day.date(), 300, day.revenue(), day.conversions()));
        }

        assertField(() -> new BudgetSimulationInput(9_000, SEED_SCENARIOS, 30, 1_000, 1, flat), "history");
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(InvalidMlInputException.class)
                .extracting(e -> ((InvalidMlInputException) e).field()).isEqualTo(field);
    }
}
