package ai.stratum.server.ml.simulation;

/**
 * The base budget's expected results over the horizon (seed 001's {@code baseline}).
 *
 * @param spend       the base budget
 * @param revenue     mean simulated revenue at the base budget: the same fitted curve and runs as the
 *                    scenarios (not the history's own revenue), so the differences between baseline and
 *                    scenarios are the budget's effect alone
 * @param roas        revenue / spend
 * @param conversions revenue / the history's average order value, rounded down as the seed does
 */
public record BaselineOutcome(double spend, double revenue, double roas, long conversions) {
}
