package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.simulation.BudgetScenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code simulateBudget}'s input as GraphQL delivers it (seed 001's keys in camelCase), before the
 * campaign's history is looked up. The simulator checks the numbers ({@code BudgetSimulationInput}).
 */
record BudgetSimulationRequest(String campaignId, Optional<Platform> platform, double baseBudget, List<BudgetScenario> scenarios,
                               int timeHorizonDays, int simulations, long seed) {

    BudgetSimulationRequest {
        Objects.requireNonNull(platform, "platform");
        scenarios = List.copyOf(scenarios);
    }

    @SuppressWarnings("unchecked")
    static BudgetSimulationRequest of(Map<String, Object> input) {
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) input.get("scenarios");
        return new BudgetSimulationRequest(
                (String) input.get("campaignId"),
                Optional.ofNullable((String) input.get("platform")).map(Platform::valueOf),
                ((Number) input.get("baseBudget")).doubleValue(),
                scenarios.stream().map(s -> new BudgetScenario((String) s.get("name"), ((Number) s.get("budgetChangePercent")).doubleValue()))
                        .toList(),
                ((Number) input.get("timeHorizonDays")).intValue(),
                ((Number) input.get("simulations")).intValue(),
                ((Number) input.get("seed")).longValue());
    }
}
