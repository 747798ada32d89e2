package ai.stratum.server.ml.anomaly;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a campaign's results, as the anomaly detector reads them. Amounts in currency units.
 *
 * @param date        the day
 * @param spend       amount spent
 * @param revenue     conversion value attributed to the day
 * @param conversions conversions attributed to the day
 * @param impressions impressions
 * @param clicks      clicks
 */
public record CampaignDay(LocalDate date, double spend, double revenue, double conversions, long impressions, long clicks) {

    public CampaignDay {
        Objects.requireNonNull(date, "date");
        if (!(spend >= 0) || !(revenue >= 0) || !(conversions >= 0) || impressions < 0 || clicks < 0
                || Double.isInfinite(spend) || Double.isInfinite(revenue) || Double.isInfinite(conversions)) {
            throw new IllegalArgumentException("a campaign day's amounts are finite and at least 0: " + date);
        }
    }

    /** @return whether the campaign ran that day: a day without spend or impressions is no performance to judge */
    public boolean delivered() {
        return spend > 0 || impressions > 0;
    }
}
