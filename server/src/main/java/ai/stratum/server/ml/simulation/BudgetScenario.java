package ai.stratum.server.ml.simulation;

/**
 * One budget to simulate, relative to the base budget (seed 001's scenario).
 *
 * @param name                a label the caller chooses, for example "+20% Budget"
 * @param budgetChangePercent the change to the base budget in percent: 20 is 1.2 times, -100 is nothing
 */
public record BudgetScenario(String name, double budgetChangePercent) {
}
