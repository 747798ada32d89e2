package ai.stratum.server.ml.simulation;

import ai.stratum.server.ml.InvalidMlInputException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Seed 001's budget simulation input, with the campaign's history in place of its id (the caller
 * looks the campaign up) and a {@code seed} that makes the Monte Carlo reproducible.
 *
 * @param baseBudget      the spend over the whole horizon that the scenarios change, in the account
 *                        currency's units (the seed's example: 10,000 over 30 days)
 * @param scenarios       the budgets to simulate
 * @param timeHorizonDays how many days the budget is spent over, evenly
 * @param simulations     Monte Carlo runs, {@value #MIN_SIMULATIONS} to {@value #MAX_SIMULATIONS}
 * @param seed            the random seed: the same input and seed give the same result
 * @param history         the campaign's settled daily results, at least {@value #MIN_HISTORY_DAYS} days
 *                        with spend, in any order, one per date
 */
public record BudgetSimulationInput(double baseBudget, List<BudgetScenario> scenarios, int timeHorizonDays,
                                    int simulations, long seed, List<DailyPerformance> history) {

    /** The caller refuses more, and so does the simulator. */
    public static final int MAX_SIMULATIONS = 100_000;
    /** Fewer runs would estimate the 5th and 95th percentiles from a handful of runs. */
    public static final int MIN_SIMULATIONS = 100;
    /** Two weeks: each weekday twice, and enough days for two parameters and the noise. */
    public static final int MIN_HISTORY_DAYS = 14;
    public static final int MAX_HORIZON_DAYS = 366;
    public static final int MAX_SCENARIOS = 20;
    /** The largest increase simulated: ten times the base budget is already far past any history. */
    public static final double MAX_CHANGE_PERCENT = 900;

    /**
     * @throws InvalidMlInputException naming the first field that cannot be simulated: a budget that is
     *                                 not a positive amount, a change below -100 % or above +900 %, too
     *                                 few or too many simulations, too short a history, a negative or
     *                                 non-numeric amount in it, a date twice, or spend that never varies
     */
    public BudgetSimulationInput {
        if (!(baseBudget > 0) || Double.isInfinite(baseBudget)) {
            throw new InvalidMlInputException("baseBudget", "must be a positive amount, was " + baseBudget);
        }
        if (scenarios == null || scenarios.isEmpty() || scenarios.size() > MAX_SCENARIOS) {
            throw new InvalidMlInputException("scenarios", "give 1 to " + MAX_SCENARIOS + " scenarios");
        }
        scenarios = List.copyOf(scenarios);
        for (int i = 0; i < scenarios.size(); i++) {
            requireScenario(i, scenarios.get(i));
        }
        if (timeHorizonDays < 1 || timeHorizonDays > MAX_HORIZON_DAYS) {
            throw new InvalidMlInputException("timeHorizonDays",
                    "must be 1 to " + MAX_HORIZON_DAYS + " days, was " + timeHorizonDays);
        }
        if (simulations < MIN_SIMULATIONS || simulations > MAX_SIMULATIONS) {
            throw new InvalidMlInputException("simulations",
                    "must be " + MIN_SIMULATIONS + " to " + MAX_SIMULATIONS + ", was " + simulations);
        }
        history = List.copyOf(Objects.requireNonNull(history, "history"));
        requireHistory(history);
    }

    private static void requireScenario(int index, BudgetScenario scenario) {
        String path = "scenarios[" + index + "]";
        if (scenario == null) {
            throw new InvalidMlInputException(path, "is missing");
        }
        if (scenario.name() == null || scenario.name().isBlank()) {
            throw new InvalidMlInputException(path + ".name", "must not be blank");
        }
        double change = scenario.budgetChangePercent();
        if (!(change >= -100 && change <= MAX_CHANGE_PERCENT)) {
            throw new InvalidMlInputException(path + ".budgetChangePercent",
                    "must be -100 to " + (int) MAX_CHANGE_PERCENT + " (a budget cannot go below nothing), was " + change);
        }
    }

    private static void requireHistory(List<DailyPerformance> history) {
        Set<LocalDate> dates = new HashSet<>();
        int daysWithSpend = 0;
        double minSpend = Double.POSITIVE_INFINITY;
        double maxSpend = 0;
        for (int i = 0; i < history.size(); i++) {
            DailyPerformance day = history.get(i);
            String path = "history[" + i + "]";
            if (day == null) {
                throw new InvalidMlInputException(path, "is missing");
            }
            requireAmount(path + ".spend", day.spend());
            requireAmount(path + ".revenue", day.revenue());
            requireAmount(path + ".conversions", day.conversions());
            if (!dates.add(day.date())) {
                throw new InvalidMlInputException(path + ".date", day.date() + " appears twice");
            }
            if (day.spend() > 0) {
                daysWithSpend++;
                minSpend = Math.min(minSpend, day.spend());
                maxSpend = Math.max(maxSpend, day.spend());
            }
        }
        if (daysWithSpend < MIN_HISTORY_DAYS) {
            throw new InvalidMlInputException("history", "needs at least " + MIN_HISTORY_DAYS
                    + " days with spend to fit a response curve, has " + daysWithSpend);
        }
        if (maxSpend == minSpend) {
            throw new InvalidMlInputException("history", "spend is the same every day: a response curve needs"
                    + " days of different spend to tell how revenue changes with it");
        }
    }

    private static void requireAmount(String path, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidMlInputException(path, "must be a finite amount of at least 0, was " + value);
        }
    }
}
