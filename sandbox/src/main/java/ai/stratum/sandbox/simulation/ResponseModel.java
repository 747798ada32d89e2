package ai.stratum.sandbox.simulation;

import java.time.DayOfWeek;

/**
 * The shapes the simulation draws from, each a small pure function so tests can pin them down.
 * <ul>
 *   <li>Revenue saturates with spend: {@code max * (1 - e^(-spend / saturation))}, so each extra
 *   unit of spend buys less, and past saturation revenue grows far slower than spend.</li>
 *   <li>Weekly seasonality: demand is higher towards the weekend, lower early in the week.</li>
 *   <li>Creative fatigue: CTR decays from its fresh value towards half of it, halving the gap every
 *   {@code halfLife} days.</li>
 *   <li>Late conversions: of a day's final purchases, the share reported {@code n} days later is
 *   {@code 1 - e^(-(n + 1) / 1.2)}: about 57 % the same day, 81 % the next, over 99 % after a week.</li>
 * </ul>
 */
public final class ResponseModel {

    private static final double[] WEEKLY_DEMAND = {0.94, 0.96, 1.0, 1.02, 1.06, 1.09, 0.98};
    private static final double CONVERSION_LAG_DAYS = 1.2;

    private ResponseModel() {
    }

    /** @return the expected daily revenue at a daily spend */
    public static double revenue(double spend, double maxDailyRevenue, double saturationSpend) {
        return maxDailyRevenue * (1 - Math.exp(-spend / saturationSpend));
    }

    /** @return the demand factor of a weekday, averaging about 1 over a week */
    public static double weeklyDemand(DayOfWeek day) {
        return WEEKLY_DEMAND[day.getValue() - 1];
    }

    /** @return the CTR of a creative {@code ageDays} old */
    public static double fatiguedCtr(double baseCtr, double ageDays, double halfLifeDays) {
        return baseCtr * (0.5 + 0.5 * Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays));
    }

    /** @return the share of a day's final conversions reported {@code daysSince} days later */
    public static double reportedShare(long daysSince) {
        if (daysSince < 0) {
            return 0;
        }
        return 1 - Math.exp(-(daysSince + 1) / CONVERSION_LAG_DAYS);
    }
}
