package ai.stratum.sandbox.simulation;

import java.time.LocalDate;

/**
 * One campaign's results on one day, as the platform reports them at the moment asked: money in
 * micros of the account currency, always whole cents.
 *
 * @param campaignId    the campaign
 * @param date          the day, in the account's time zone
 * @param spendMicros   spend
 * @param impressions   impressions
 * @param clicks        clicks
 * @param conversions   purchases attributed so far (late ones still arrive for a few days)
 * @param revenueMicros the purchases' value so far
 */
public record DayOutcome(String campaignId, LocalDate date, long spendMicros, long impressions, long clicks,
                         long conversions, long revenueMicros) {
}
