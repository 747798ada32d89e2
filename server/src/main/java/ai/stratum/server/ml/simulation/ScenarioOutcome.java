package ai.stratum.server.ml.simulation;

import java.util.List;

/**
 * One scenario's expected results over the horizon (an entry of seed 001's {@code scenarios}).
 *
 * @param name               the scenario's name
 * @param spend              the scenario's budget
 * @param revenue            mean simulated revenue
 * @param roas               revenue / spend (0 at no spend)
 * @param conversions        revenue / the history's average order value, rounded down as the seed does
 * @param marginalRoas       (revenue − baseline revenue) / (spend − baseline spend): what each unit
 *                           added (or removed) buys (or loses); 0 when the spend does not change
 * @param confidenceInterval the 5th and 95th percentiles of simulated revenue, {@code [p5, p95]}
 */
public record ScenarioOutcome(String name, double spend, double revenue, double roas, long conversions,
                              double marginalRoas, List<Double> confidenceInterval) {

    public ScenarioOutcome {
        confidenceInterval = List.copyOf(confidenceInterval);
    }
}
