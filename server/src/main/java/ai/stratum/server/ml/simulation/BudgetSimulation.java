package ai.stratum.server.ml.simulation;

import java.util.List;
import java.util.Objects;

/**
 * Seed 001's budget simulation output, plus the curve the simulation drew from.
 *
 * @param baseline      the base budget's results
 * @param scenarios     each scenario's results, in the input's order
 * @param responseCurve the daily response curve fitted to the campaign's history, with its uncertainty
 */
public record BudgetSimulation(BaselineOutcome baseline, List<ScenarioOutcome> scenarios,
                               FittedResponseCurve responseCurve) {

    public BudgetSimulation {
        Objects.requireNonNull(baseline, "baseline");
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(responseCurve, "responseCurve");
    }
}
