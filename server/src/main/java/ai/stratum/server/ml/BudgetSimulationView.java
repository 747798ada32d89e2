package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code simulateBudget}'s answer, as GraphQL returns it and the cache stores it: seed 001's
 * {@code baseline} and {@code scenarios}, and the curve they were drawn from. Amounts in {@code currency}.
 */
@Serdeable
record BudgetSimulationView(String campaignId, Platform platform, String currency, Baseline baseline, List<Scenario> scenarios,
                            Curve responseCurve, Instant computedAt) {

    @Serdeable
    record Baseline(double spend, double revenue, double roas, long conversions) {
    }

    @Serdeable
    record Scenario(String name, double spend, double revenue, double roas, long conversions, double marginalRoas,
                    List<Double> confidenceInterval) {
    }

    /**
     * @param historyFrom the first day of history read
     * @param historyTo   the last: a week ago, once its late conversions are in
     */
    @Serdeable
    record Curve(double maxDailyRevenue, double saturationSpend, List<Double> saturationSpendInterval, double relativeNoise,
                 int historyDays, LocalDate historyFrom, LocalDate historyTo) {
    }
}
