package ai.stratum.server.signals.health;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Seed 002's {@code calculate_anomaly_component}: for each of spend, conversions, CPA and ROAS with at
 * least 7 days of history, is today's value more than the z-score threshold (3.0) population standard
 * deviations from the history's mean? The share of anomalous metrics picks the score: none 100,
 * up to a quarter 80, up to a half 50, more 20. Fewer than 7 days of history scores 90.
 *
 * <p>Seed defects fixed (DESIGN, "Known seed defects"): a 0 is data and only a missing value is
 * skipped (the seed's {@code if h.get(metric)} dropped zeros); when no metric could be checked the
 * seed divided by zero, here that is the insufficient-data score 90. A metric missing from today's
 * values cannot be checked, so it is skipped like a metric with too little history. As in the seed,
 * a metric whose history never varies (standard deviation 0) is checked but never anomalous.
 */
final class AnomalyComponent {

    /** The seed's minimum history, both in rows and in values per metric. */
    static final int MIN_HISTORY_DAYS = 7;
    /** The seed's score when there is too little data to judge. */
    static final double INSUFFICIENT_DATA_SCORE = 90.0;

    private final double zScoreThreshold;

    AnomalyComponent(TrustSettings settings) {
        this.zScoreThreshold = settings.anomalyZScoreThreshold();
    }

    ComponentScore score(Optional<DailyMetrics> current, List<DailyMetrics> history) {
        if (history.size() < MIN_HISTORY_DAYS) {
            return ComponentScore.of(INSUFFICIENT_DATA_SCORE, "only " + history.size()
                    + " days of history; anomaly detection needs " + MIN_HISTORY_DAYS);
        }
        if (current.isEmpty()) {
            return ComponentScore.of(INSUFFICIENT_DATA_SCORE, "no metrics for the current day to check for anomalies");
        }
        int checked = 0;
        int withToday = 0;
        int anomalies = 0;
        StringJoiner causes = new StringJoiner(", ");
        for (PerformanceMetric metric : PerformanceMetric.values()) {
            Double today = metric.of(current.get());
            if (today == null) {
                continue;
            }
            withToday++;
            int count = 0;
            double sum = 0;
            for (DailyMetrics day : history) {
                Double value = metric.of(day);
                if (value != null) {
                    count++;
                    sum += value;
                }
            }
            if (count < MIN_HISTORY_DAYS) {
                continue;
            }
            checked++;
            double mean = sum / count;
            double std = Math.sqrt(squaredDeviations(metric, history, mean) / count);
            if (std > 0) {
                double z = Math.abs(today - mean) / std;
                if (z > zScoreThreshold) {
                    anomalies++;
                    causes.add(metric.label() + " is " + OneDecimal.of(z) + " standard deviations from its "
                            + count + "-day mean");
                }
            }
        }
        if (checked == 0) {
            return ComponentScore.of(INSUFFICIENT_DATA_SCORE, withToday == 0
                    ? "no metrics for the current day to check for anomalies"
                    : "no metric has " + MIN_HISTORY_DAYS + " days of history to check for anomalies");
        }
        double score = scoreOf((double) anomalies / checked);
        return anomalies == 0 ? ComponentScore.perfect() : ComponentScore.of(score, causes.toString());
    }

    /** The seed's buckets of the share of checked metrics that are anomalous. */
    static double scoreOf(double anomalyRatio) {
        if (anomalyRatio == 0) {
            return 100.0;
        }
        if (anomalyRatio <= 0.25) {
            return 80.0;
        }
        return anomalyRatio <= 0.5 ? 50.0 : 20.0;
    }

    private static double squaredDeviations(PerformanceMetric metric, List<DailyMetrics> history, double mean) {
        double sum = 0;
        for (DailyMetrics day : history) {
            Double value = metric.of(day);
            if (value != null) {
                double deviation = value - mean;
                sum += deviation * deviation;
            }
        }
        return sum;
    }
}
