package ai.stratum.server.signals.health;

import java.util.OptionalDouble;

/**
 * Seed 002's {@code calculate_variance_component}: how far the platform's revenue is from the
 * analytics source's. 100 up to the warning variance (10 %), a linear 30-point decay up to the
 * maximum (15 %), then 5 points per percentage point above the warning variance.
 *
 * <p>Seed defect (DESIGN, "Known seed defects"): the decay ends at 70 at 15 % but the branch above
 * starts at 75, so a larger discrepancy scored better. The branch above is capped at the decay's end
 * value, which keeps both formulas and makes the score non-increasing in variance.
 *
 * <p>When either revenue is unknown there is nothing to compare, which the seed scores 100 (both
 * revenues 0); an analytics revenue of 0 (or less) against a positive platform revenue is a 100 %
 * variance, as in the seed.
 */
final class VarianceComponent {

    /** Points the linear band takes off between the warning and the maximum variance. */
    private static final double BAND_DROP = 0.3;
    /** Points per unit of variance (5 per percentage point) above the warning variance, past the band. */
    private static final double PENALTY_PER_UNIT = 500.0;
    /** The band's end value, which the branch past it must not exceed. */
    private static final double BAND_END_SCORE = 100.0 * (1.0 - BAND_DROP);

    private final double warning;
    private final double maximum;

    VarianceComponent(TrustSettings settings) {
        this.warning = settings.warningVariancePct() / 100.0;
        this.maximum = settings.maxVariancePct() / 100.0;
    }

    ComponentScore score(OptionalDouble platformRevenue, OptionalDouble analyticsRevenue) {
        if (platformRevenue.isEmpty() || analyticsRevenue.isEmpty()) {
            return ComponentScore.perfect();
        }
        double platform = platformRevenue.getAsDouble();
        double analytics = analyticsRevenue.getAsDouble();
        double variance = variance(platform, analytics);
        double score = scoreOf(variance);
        if (score >= 100.0) {
            return ComponentScore.perfect();
        }
        String cause = analytics > 0
                ? "platform revenue differs from analytics by " + OneDecimal.of(variance * 100) + " %"
                : "analytics reports no revenue against platform revenue of " + OneDecimal.of(platform);
        return ComponentScore.of(score, cause);
    }

    /** The seed's variance: relative to the analytics revenue; 1.0 (100 %) when only the platform reports revenue. */
    static double variance(double platformRevenue, double analyticsRevenue) {
        if (analyticsRevenue > 0) {
            return Math.abs(platformRevenue - analyticsRevenue) / analyticsRevenue;
        }
        return platformRevenue > 0 ? 1.0 : 0.0;
    }

    double scoreOf(double variance) {
        if (variance <= warning) {
            return 100.0;
        }
        if (variance >= maximum) {
            double seedScore = Math.max(0.0, 100.0 - (variance - warning) * PENALTY_PER_UNIT);
            return Math.min(BAND_END_SCORE, seedScore);
        }
        return 100.0 * (1.0 - (variance - warning) / (maximum - warning) * BAND_DROP);
    }
}
