package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.simulation.DayOutcome;

import java.time.LocalDate;

/**
 * One row of a daily report before TikTok's wording: the figures of one campaign, ad group or the
 * whole advertiser on one day, money in micros.
 *
 * @param id                the dimension's id (campaign, ad group or advertiser)
 * @param date              the day in the advertiser's time zone
 * @param spendMicros       spend
 * @param impressions       impressions
 * @param clicks            clicks
 * @param purchases         Complete Payment events of the pixel attributed to the row
 * @param revenueMicros     their value
 * @param optimizedResults  results of the campaigns' optimization events ({@code conversion}):
 *                          the same purchases for campaigns optimized for them, none for others
 */
record ReportRow(String id, LocalDate date, long spendMicros, long impressions, long clicks, long purchases,
                 long revenueMicros, long optimizedResults) {

    /** @return a campaign's (or its ad group's) row for a simulated day */
    static ReportRow of(String id, DayOutcome day, boolean optimizesForPurchases) {
        return new ReportRow(id, day.date(), day.spendMicros(), day.impressions(), day.clicks(), day.conversions(),
                day.revenueMicros(), optimizesForPurchases ? day.conversions() : 0);
    }

    /** @return this row and another of the same id and day summed */
    ReportRow plus(ReportRow other) {
        return new ReportRow(id, date, spendMicros + other.spendMicros, impressions + other.impressions,
                clicks + other.clicks, purchases + other.purchases, revenueMicros + other.revenueMicros,
                optimizedResults + other.optimizedResults);
    }
}
