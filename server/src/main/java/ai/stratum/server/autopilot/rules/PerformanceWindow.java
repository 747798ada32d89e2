package ai.stratum.server.autopilot.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign's results added up over its lookback window: the {@code days} complete days before
 * today in the account's time zone. Today is left out because its spend and, above all, its
 * conversions are still coming in; judging a half-reported day would make every campaign look
 * worse in the morning than in the evening.
 *
 * @param days          the window's length
 * @param spendMicros   spend over the window, in micros
 * @param revenueMicros revenue over the window, in micros
 * @param conversions   conversions over the window
 */
record PerformanceWindow(int days, long spendMicros, long revenueMicros, double conversions) {

    /**
     * Adds up a campaign's history over the window that ends yesterday.
     *
     * @param campaign the campaign
     * @param days     the window's length, in days
     * @param now      the time of the run
     * @return the totals
     */
    static PerformanceWindow lookback(CampaignState campaign, int days, Instant now) {
        LocalDate today = campaign.today(now);
        LocalDate first = today.minusDays(days);
        long spend = 0;
        long revenue = 0;
        double conversions = 0;
        for (DailyPerformance day : campaign.history()) {
            if (!day.date().isBefore(first) && day.date().isBefore(today)) {
                spend = Math.addExact(spend, day.spendMicros());
                revenue = Math.addExact(revenue, day.revenueMicros());
                conversions += day.conversions();
            }
        }
        return new PerformanceWindow(days, spend, revenue, conversions);
    }

    /**
     * Whether the window has seen enough spend to judge the campaign's results: something, and at
     * least the rule's minimum. A campaign that spent nothing has no results to judge.
     *
     * @param minSpendMicros the rule's minimum
     * @return true when the results can be judged
     */
    boolean canJudge(long minSpendMicros) {
        return spendMicros > 0 && spendMicros >= minSpendMicros;
    }

    /** Whether the window has neither a conversion nor any revenue. */
    boolean hasNoResults() {
        return conversions == 0 && revenueMicros == 0;
    }

    /** The window as a person reads it, for example {@code the last 7 days}. */
    String describe() {
        return days == 1 ? "yesterday" : "the last " + days + " days";
    }
}
