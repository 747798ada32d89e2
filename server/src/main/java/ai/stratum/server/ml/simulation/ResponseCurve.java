package ai.stratum.server.ml.simulation;

/**
 * A saturating response curve: daily revenue {@code maxDailyRevenue × (1 − e^(−spend / saturationSpend))}.
 * Each extra unit of spend buys less than the one before; past {@code saturationSpend} revenue
 * approaches its ceiling and grows ever slower than spend.
 *
 * @param maxDailyRevenue the revenue the audience yields per day at unlimited spend (the asymptote)
 * @param saturationSpend the daily spend at which revenue reaches 63 % of the asymptote
 */
public record ResponseCurve(double maxDailyRevenue, double saturationSpend) {

    public ResponseCurve {
        if (!(maxDailyRevenue >= 0) || Double.isInfinite(maxDailyRevenue)
                || !(saturationSpend > 0) || Double.isInfinite(saturationSpend)) {
            throw new IllegalArgumentException("a response curve needs a finite ceiling >= 0 and saturation > 0, was "
                    + maxDailyRevenue + " and " + saturationSpend);
        }
    }

    /** @return the expected revenue of one day at that daily spend */
    public double revenue(double dailySpend) {
        return maxDailyRevenue * -Math.expm1(-dailySpend / saturationSpend);
    }

    /** @return the revenue the next unit of spend buys at that daily spend: the curve's slope */
    public double marginalRoas(double dailySpend) {
        return maxDailyRevenue / saturationSpend * Math.exp(-dailySpend / saturationSpend);
    }
}
