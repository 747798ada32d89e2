package ai.stratum.server.signals.health;

import java.util.Arrays;
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
 * a metric whose history never varies (standard deviation 0) is checked but never anomalous. The
 * z-score test itself is {@link ZScore}, which the ML engine's anomaly detector shares.
 */
final class AnomalyComponent {

    /** The seed's minimum history, both in rows and in values per metric. */
    static final int MIN_HISTORY_DAYS = ZScore.MIN_HISTORY_DAYS;
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
            Optional<ZScore> z = ZScore.of(today, values(metric, history));
            if (z.isEmpty()) {
                continue;
            }
            checked++;
            if (z.get().exceeds(zScoreThreshold)) {
                anomalies++;
                causes.add(metric.label() + " is " + OneDecimal.of(Math.abs(z.get().z())) + " standard deviations from its "
                        + z.get().historyDays() + "-day mean");
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

    /** The metric's values over the history, missing days left out. */
    private static double[] values(PerformanceMetric metric, List<DailyMetrics> history) {
        double[] values = new double[history.size()];
        int count = 0;
        for (DailyMetrics day : history) {
            Double value = metric.of(day);
            if (value != null) {
                values[count++] = value;
            }
        }
        return count == values.length ? values : Arrays.copyOf(values, count);
    }
}
