package ai.stratum.server.ml.anomaly;

/**
 * The daily metrics a campaign is watched on: seed 002's four (spend, conversions, CPA, ROAS) and CTR.
 */
public enum AnomalyMetric {
    SPEND,
    CONVERSIONS,
    /** Spend per conversion; undefined on a day without conversions. */
    CPA,
    /** Revenue per unit of spend; undefined on a day without spend. */
    ROAS,
    /** Clicks per impression; undefined on a day without impressions. */
    CTR;

    /** @return the metric on that day, NaN where it is undefined (a missing value, not a 0) */
    public double of(CampaignDay day) {
        return switch (this) {
            case SPEND -> day.spend();
            case CONVERSIONS -> day.conversions();
            case CPA -> day.conversions() > 0 ? day.spend() / day.conversions() : Double.NaN;
            case ROAS -> day.spend() > 0 ? day.revenue() / day.spend() : Double.NaN;
            case CTR -> day.impressions() > 0 ? (double) day.clicks() / day.impressions() : Double.NaN;
        };
    }

    /**
     * The metric as the isolation forest sees it, defined on every delivered day: CPA without
     * conversions is the day's whole spend (spend per at most one conversion, so lost conversion
     * tracking shows as a jump), ROAS without spend and CTR without impressions are 0.
     */
    double feature(CampaignDay day) {
        return switch (this) {
            case CPA -> day.spend() / Math.max(1, day.conversions());
            case ROAS -> day.spend() > 0 ? day.revenue() / day.spend() : 0;
            case CTR -> day.impressions() > 0 ? (double) day.clicks() / day.impressions() : 0;
            default -> of(day);
        };
    }
}
