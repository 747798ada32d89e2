package ai.stratum.server.signals.health;

import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Rolls account healths up to a platform's or a tenant's: the spend-weighted mean of each component
 * and of the overall score, the status of that mean, and every account's issues.
 *
 * <p>Weights: an account weighs its spend. One whose spend is unknown weighs the mean of the known
 * spends, as an average account would; when no spend is known, or every known spend is 0, all accounts
 * weigh the same. The overall score is the mean of the accounts' overall scores, not a recomputation
 * from the component means (which differ when only some accounts have a CDP score). The CDP score is
 * the weighted mean over the accounts that have one, and is empty when none has.
 */
public final class HealthAggregator {

    private HealthAggregator() {
    }

    /**
     * @param accounts the accounts' healths with their spend; their issues are kept in this order
     * @param platform the platform rolled up to, or empty for a tenant
     * @param settings supplies the status thresholds
     * @param now      becomes {@link SignalHealth#lastUpdated()}
     * @return the rolled-up health. With no account there is no data to trust: every score 0, status
     *         CRITICAL, and one issue saying no account has reported signals (so the gate blocks
     *         automation rather than act on nothing)
     */
    public static SignalHealth aggregate(List<WeightedHealth> accounts, Optional<Platform> platform,
                                         TrustSettings settings, Instant now) {
        if (accounts.isEmpty()) {
            return noData(platform, now);
        }
        double[] weights = weights(accounts);
        double worst = Double.POSITIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        double total = 0;
        double overall = 0;
        double emq = 0;
        double freshness = 0;
        double variance = 0;
        double anomaly = 0;
        List<String> issues = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            SignalHealth health = accounts.get(i).health();
            double weight = weights[i];
            total += weight;
            overall += weight * health.overallScore();
            worst = Math.min(worst, health.overallScore());
            best = Math.max(best, health.overallScore());
            emq += weight * health.emqScore();
            freshness += weight * health.freshnessScore();
            variance += weight * health.varianceScore();
            anomaly += weight * health.anomalyScore();
            issues.addAll(health.issues());
        }
        // A weighted mean lies between the extremes; the bound only absorbs floating-point rounding, which
        // would otherwise roll accounts that are all exactly 70 up to 69.99999999999999, below healthy.
        double overallScore = Math.min(best, Math.max(worst, OverallScore.of(overall / total)));
        return new SignalHealth(overallScore, emq / total, freshness / total, variance / total, anomaly / total,
                cdpScore(accounts, weights), HealthStatus.of(overallScore, settings), issues, now, platform,
                Optional.empty());
    }

    /** Spend where known, the mean known spend where not; all 1 when no positive spend is known. */
    private static double[] weights(List<WeightedHealth> accounts) {
        double knownSpend = 0;
        int knownCount = 0;
        for (WeightedHealth account : accounts) {
            if (account.spend().isPresent()) {
                knownSpend += account.spend().getAsDouble();
                knownCount++;
            }
        }
        double[] weights = new double[accounts.size()];
        double unknownSpend = knownSpend > 0 ? knownSpend / knownCount : 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = knownSpend > 0 ? accounts.get(i).spend().orElse(unknownSpend) : 1.0;
        }
        return weights;
    }

    /** Weighted over the accounts with a CDP score; equally among them if they all weigh 0. */
    private static OptionalDouble cdpScore(List<WeightedHealth> accounts, double[] weights) {
        double weighted = 0;
        double weightSum = 0;
        double plain = 0;
        int count = 0;
        for (int i = 0; i < weights.length; i++) {
            OptionalDouble cdp = accounts.get(i).health().cdpEmqScore();
            if (cdp.isPresent()) {
                weighted += weights[i] * cdp.getAsDouble();
                weightSum += weights[i];
                plain += cdp.getAsDouble();
                count++;
            }
        }
        if (count == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(weightSum > 0 ? weighted / weightSum : plain / count);
    }

    private static SignalHealth noData(Optional<Platform> platform, Instant now) {
        String issue = platform.map(p -> p.name() + ": no accounts have reported signals")
                .orElse("no accounts have reported signals");
        return new SignalHealth(0, 0, 0, 0, 0, OptionalDouble.empty(), HealthStatus.CRITICAL, List.of(issue), now,
                platform, Optional.empty());
    }
}
