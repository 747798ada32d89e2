package ai.stratum.server.analytics;

/**
 * Performance added up over a group of days and campaigns, with money in micro-units of one
 * currency.
 *
 * @param spendMicros   amount spent
 * @param revenueMicros conversion value the platforms report
 * @param impressions   times ads were shown
 * @param clicks        clicks, by each platform's definition
 * @param conversions   conversions; fractional where a platform attributes fractionally
 */
public record PerformanceTotals(long spendMicros, long revenueMicros, long impressions, long clicks, double conversions) {

    public static final PerformanceTotals ZERO = new PerformanceTotals(0, 0, 0, 0, 0);

    public PerformanceTotals {
        if (spendMicros < 0 || revenueMicros < 0 || impressions < 0 || clicks < 0) {
            throw new IllegalArgumentException("performance totals must not be negative");
        }
        if (!Double.isFinite(conversions) || conversions < 0) {
            throw new IllegalArgumentException("conversions must be a finite, non-negative number");
        }
    }

    /** Both added up; fails rather than wrap around. */
    public PerformanceTotals plus(PerformanceTotals other) {
        return new PerformanceTotals(Math.addExact(spendMicros, other.spendMicros),
                Math.addExact(revenueMicros, other.revenueMicros), Math.addExact(impressions, other.impressions),
                Math.addExact(clicks, other.clicks), conversions + other.conversions);
    }
}
