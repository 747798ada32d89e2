package ai.stratum.server.autopilot.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One campaign's results on one day, in the account's time zone and the campaign's currency.
 *
 * @param date          the day, in the account's time zone
 * @param spendMicros   the amount spent, in micros
 * @param revenueMicros the conversion value the platform reports, in micros
 * @param conversions   conversions; fractional where the platform attributes fractionally
 * @param impressions   times ads were shown
 * @param clicks        clicks, by the platform's definition
 */
public record DailyPerformance(
        LocalDate date, long spendMicros, long revenueMicros, double conversions, long impressions, long clicks) {

    /**
     * Creates a day's results.
     *
     * @throws IllegalArgumentException when a figure is negative or conversions are not finite
     */
    public DailyPerformance {
        Objects.requireNonNull(date, "date");
        if (spendMicros < 0 || revenueMicros < 0 || impressions < 0 || clicks < 0) {
            throw new IllegalArgumentException("performance figures must not be negative on " + date);
        }
        if (!Double.isFinite(conversions) || conversions < 0) {
            throw new IllegalArgumentException("conversions must be a finite, non-negative number on " + date);
        }
    }
}
