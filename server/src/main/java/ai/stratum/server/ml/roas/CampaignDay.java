package ai.stratum.server.ml.roas;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One campaign's delivery on one day, as {@code campaign_daily_performance} holds it; money in the
 * campaign currency's units.
 *
 * @param date        the day
 * @param spend       spend
 * @param revenue     conversion value
 * @param impressions impressions
 * @param clicks      clicks
 * @param conversions conversions, fractional where a platform attributes fractionally
 */
public record CampaignDay(LocalDate date, double spend, double revenue, long impressions, long clicks,
                          double conversions) {

    public CampaignDay {
        Objects.requireNonNull(date, "date");
    }

    /** From the stored micro-units. */
    public static CampaignDay ofMicros(LocalDate date, long spendMicros, long revenueMicros, long impressions,
                                       long clicks, double conversions) {
        return new CampaignDay(date, spendMicros / 1e6, revenueMicros / 1e6, impressions, clicks, conversions);
    }
}
