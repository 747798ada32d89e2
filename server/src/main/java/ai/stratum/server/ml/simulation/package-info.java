/**
 * Budget simulation, seed 001's {@code BudgetSimulator}: what a campaign would earn over a horizon at
 * other budgets, with an interval. {@link ai.stratum.server.ml.simulation.BudgetSimulator} fits a
 * saturating response curve to the campaign's daily history and runs a seeded Monte Carlo over the
 * curve's uncertainty and the day-to-day noise; its Javadoc states how it measured up against the
 * sandbox's campaigns, whose true curves are known.
 *
 * <p>Plain Java with no framework types; the curve fit uses Apache Commons Math.
 */
package ai.stratum.server.ml.simulation;
