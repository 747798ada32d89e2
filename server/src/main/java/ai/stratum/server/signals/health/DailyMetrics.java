package ai.stratum.server.signals.health;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of an account's performance, the input of the anomaly component.
 *
 * <p>A {@code null} metric is missing; {@code 0} is data (a day with no conversions is a real day,
 * which the seed's {@code if h.get(metric)} wrongly dropped — see DESIGN, "Known seed defects").
 *
 * @param date        the day
 * @param spend       amount spent, in the account's currency, or {@code null} when unknown
 * @param conversions conversions counted, or {@code null} when unknown
 * @param cpa         cost per acquisition, or {@code null} when unknown
 * @param roas        return on ad spend, or {@code null} when unknown
 */
public record DailyMetrics(LocalDate date, Double spend, Double conversions, Double cpa, Double roas) {

    /**
     * @throws IllegalArgumentException when a metric is NaN or infinite
     */
    public DailyMetrics {
        Objects.requireNonNull(date, "date");
        requireFiniteOrMissing("spend", spend);
        requireFiniteOrMissing("conversions", conversions);
        requireFiniteOrMissing("cpa", cpa);
        requireFiniteOrMissing("roas", roas);
    }

    private static void requireFiniteOrMissing(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
    }
}
