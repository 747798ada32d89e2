package ai.stratum.server.ml.anomaly;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A campaign day that stands out.
 *
 * @param date     the day
 * @param metric   for {@link AnomalyMethod#Z_SCORE}, the metric beyond the threshold; for
 *                 {@link AnomalyMethod#ISOLATION_FOREST}, the metric furthest from its usual level (in
 *                 robust standard deviations), the first place to look
 * @param method   how it was found
 * @param score    for z-scores, the absolute z-score; for the forest, its anomaly score in (0, 1] (Liu, Ting
 *                 &amp; Zhou 2008: near 1 is isolated at once, 0.5 and below is ordinary)
 * @param value    the metric's value that day (for the forest, CPA on a day without conversions is the day's
 *                 whole spend)
 * @param expected the metric's usual value: the trailing mean for z-scores, the median for the forest
 */
public record Anomaly(LocalDate date, AnomalyMetric metric, AnomalyMethod method, double score, double value, double expected) {

    public Anomaly {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(method, "method");
    }
}
