package ai.stratum.plugin.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One campaign's results on one day, in the account's time zone and currency.
 *
 * <p>Each connector documents its rule for what counts as a conversion and its value, and counts
 * each conversion once even where the platform reports it under several action types.
 *
 * @param campaignId  the platform's campaign id
 * @param date        the day, in the account's time zone
 * @param spend       the amount spent
 * @param impressions times ads were shown
 * @param clicks      clicks, by the platform's definition of a click
 * @param conversions conversions; may be fractional where the platform attributes fractionally
 *                    (Google data-driven attribution)
 * @param revenue     the conversion value the platform reports, in the same currency as spend
 */
public record CampaignDailyPerformance(
        String campaignId,
        LocalDate date,
        Money spend,
        long impressions,
        long clicks,
        double conversions,
        Money revenue) {

    /**
     * Creates a day's results.
     *
     * @param campaignId the platform's campaign id
     * @param date the day, in the account's time zone
     * @param spend the amount spent
     * @param impressions times ads were shown
     * @param clicks clicks, by the platform's definition of a click
     * @param conversions conversions; may be fractional where the platform attributes fractionally (Google data-driven attribution)
     * @param revenue the conversion value the platform reports, in the same currency as spend
     * @throws IllegalArgumentException when a figure is negative or not finite, or spend and revenue differ in currency
     */
    public CampaignDailyPerformance {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(revenue, "revenue");
        if (impressions < 0 || clicks < 0 || spend.micros() < 0 || revenue.micros() < 0) {
            throw new IllegalArgumentException("performance figures must not be negative for campaign " + campaignId);
        }
        if (!Double.isFinite(conversions) || conversions < 0) {
            throw new IllegalArgumentException("conversions must be a finite, non-negative number: " + conversions);
        }
        if (!spend.currency().equals(revenue.currency())) {
            throw new IllegalArgumentException(
                    "spend and revenue must share a currency: " + spend.currency() + " vs " + revenue.currency());
        }
    }
}
