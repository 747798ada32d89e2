package ai.stratum.server.ml.roas;

/**
 * Seed 001's trend of a campaign's ROAS. The seed names {@code _calculate_trend(campaign_data)} without its
 * body; it reads the campaign's data, not the prediction, so the trend here compares the two ROAS
 * windows the data carries: the last 7 days against the last 30. A daily ROAS typically moves 20 % or
 * more from day to day, which leaves a 7-day mean about ±9 % of noise; a band of ±{@value #BAND_PERCENT} %
 * keeps that noise from being called a trend.
 */
public enum RoasTrend {
    /** The 7-day ROAS is more than 10 % above the 30-day ROAS. */
    IMPROVING,
    /** Within 10 % either way. */
    STABLE,
    /** More than 10 % below. */
    DECLINING;

    static final int BAND_PERCENT = 10;
    private static final double BAND = BAND_PERCENT / 100.0;

    /**
     * @param roas7d  the 7-day ROAS
     * @param roas30d the 30-day ROAS
     * @return the trend; with no 30-day ROAS to compare with, IMPROVING when the 7 days returned anything
     */
    public static RoasTrend of(double roas7d, double roas30d) {
        if (roas30d == 0) {
            return roas7d > 0 ? IMPROVING : STABLE;
        }
        double change = roas7d / roas30d - 1;
        if (change > BAND) {
            return IMPROVING;
        }
        return change < -BAND ? DECLINING : STABLE;
    }
}
