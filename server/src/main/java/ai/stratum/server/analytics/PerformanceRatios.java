package ai.stratum.server.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * The one way Stratum derives ratios: from a group's totals, never by averaging the ratios of its
 * parts (the CTR of two campaigns is their clicks over their impressions, not the mean of two
 * CTRs). A ratio whose denominator is zero is undefined and empty, never NaN or infinite. Money
 * ratios are in currency units: a CPC of 0.5 is half a unit of the totals' currency per click.
 *
 * @param ctr  clicks / impressions
 * @param cpc  spend / clicks
 * @param cpa  spend / conversions
 * @param roas revenue / spend
 */
public record PerformanceRatios(OptionalDouble ctr, OptionalDouble cpc, OptionalDouble cpa, OptionalDouble roas) {

    private static final BigDecimal MICROS_PER_UNIT = BigDecimal.valueOf(1_000_000L);

    public static PerformanceRatios of(PerformanceTotals totals) {
        BigDecimal spend = BigDecimal.valueOf(totals.spendMicros()).divide(MICROS_PER_UNIT);
        BigDecimal revenue = BigDecimal.valueOf(totals.revenueMicros()).divide(MICROS_PER_UNIT);
        return new PerformanceRatios(
                ratio(BigDecimal.valueOf(totals.clicks()), BigDecimal.valueOf(totals.impressions())),
                ratio(spend, BigDecimal.valueOf(totals.clicks())),
                ratio(spend, BigDecimal.valueOf(totals.conversions())),
                ratio(revenue, spend));
    }

    /** Divided in decimal, then rounded once to the nearest double. */
    private static OptionalDouble ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator.divide(denominator, MathContext.DECIMAL128).doubleValue());
    }
}
