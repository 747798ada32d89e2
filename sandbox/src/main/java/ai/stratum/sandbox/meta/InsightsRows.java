package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rows of an insights request, from the simulation's daily results as they stand now: one per
 * object of the level and time bucket with delivery (Meta leaves out buckets without any), sorted by
 * the bucket's first day and then the campaign id, as Meta's campaign-daily pages are.
 */
final class InsightsRows {

    /**
     * One row.
     *
     * @param since         its first day
     * @param until         its last day
     * @param campaign      the campaign (its ad set at adset level); empty at account level
     * @param spendMicros   spend
     * @param impressions   impressions
     * @param clicks        clicks
     * @param purchases     purchases reported so far
     * @param revenueMicros their value
     */
    record Row(LocalDate since, LocalDate until, Optional<SimulatedCampaign> campaign, long spendMicros,
               long impressions, long clicks, long purchases, long revenueMicros) {

        Row plus(DayOutcome day) {
            return new Row(since, until, campaign, spendMicros + day.spendMicros(), impressions + day.impressions(),
                    clicks + day.clicks(), purchases + day.conversions(), revenueMicros + day.revenueMicros());
        }
    }

    private InsightsRows() {
    }

    /**
     * @param account   the account
     * @param campaigns the campaigns asked about (all of the account's, or the one asked)
     * @param query     the level, days and buckets
     */
    static List<Row> of(SimulatedAccount account, List<SimulatedCampaign> campaigns, InsightsQuery query) {
        boolean byCampaign = !query.level().equals("account");
        Map<String, Row> rows = new TreeMap<>();
        for (SimulatedCampaign campaign : campaigns) {
            for (DayOutcome day : account.report(campaign.id(), query.since(), query.until())) {
                LocalDate start = query.bucketStart(day.date());
                String key = start + "/" + (byCampaign ? campaign.id() : "");
                Row empty = new Row(start, query.bucketStop(start), byCampaign ? Optional.of(campaign) : Optional.empty(),
                        0, 0, 0, 0, 0);
                rows.put(key, rows.getOrDefault(key, empty).plus(day));
            }
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(Row::since)
                .thenComparing(row -> row.campaign().map(SimulatedCampaign::id).orElse("")));
        return sorted;
    }
}
