package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one campaign's DAY stats ({@code GET /v1/campaigns/{id}/stats?granularity=DAY}) into daily
 * rows.
 *
 * <p><b>Conversion rule.</b> A conversion is a purchase: Snap's {@code conversion_purchases} (the
 * {@code PURCHASE} events its Pixel, Conversions API and app integrations report), and its value is
 * {@code conversion_purchases_value}, in micro-currency of the account. Snap reports each purchase
 * once in these fields — swipe-attributed and view-attributed together, never split over several
 * action types — so nothing is de-duplicated here. The attribution is pinned in every request, so the
 * rule does not move with an advertiser's account settings: a purchase within
 * {@value #SWIPE_UP_ATTRIBUTION_WINDOW} after a swipe up or within {@value #VIEW_ATTRIBUTION_WINDOW}
 * after a view (the windows the recorded answers report), counted on the day of
 * the ad interaction ({@code action_report_time=}{@value #ACTION_REPORT_TIME}), so a late purchase
 * raises an earlier day and the host's look-back re-sync picks it up. An answer that reports other
 * windows than the ones asked for is malformed. Other conversion events (sign-ups, add-to-cart, app
 * installs) are not counted.
 *
 * <p><b>Other figures.</b> Spend is {@code spend} in micro-currency; impressions are
 * {@code impressions}; clicks are {@code swipes} — a swipe up (or tap) that opens the ad's attachment
 * is Snap's click. Every figure must be present and a non-negative whole number.
 *
 * <p><b>Dates.</b> Each bucket runs from a midnight to the next in the account's time zone; its date
 * is Snap's date of that midnight. A bucket that does not start at a local midnight, falls outside the
 * requested days, or repeats a day makes the answer malformed. Days after the answer's
 * {@code finalized_data_end_time} may still change as Snap de-duplicates; they are returned as
 * reported and replaced by the next sync of the look-back window.
 */
final class CampaignStatsParser {

    static final List<String> FIELDS = List.of(
            "impressions", "swipes", "spend", "conversion_purchases", "conversion_purchases_value");
    static final String SWIPE_UP_ATTRIBUTION_WINDOW = "28_DAY";
    static final String VIEW_ATTRIBUTION_WINDOW = "1_DAY";
    static final String ACTION_REPORT_TIME = "impression";

    private static final String WHAT = "campaign stats response";

    private CampaignStatsParser() {
    }

    static List<CampaignDailyPerformance> parse(ObjectNode root, String campaignId, StatsWindow window,
            AdAccount account) {
        List<ObjectNode> stats = SnapEnvelope.entities(root, "timeseries_stats", "timeseries_stat", WHAT);
        if (stats.size() != 1) {
            throw SnapJson.malformed(WHAT, "expected the stats of one campaign, got " + stats.size());
        }
        ObjectNode stat = stats.get(0);
        String id = SnapJson.text(stat, "id", WHAT);
        if (!id.equals(campaignId)) {
            throw SnapJson.malformed(WHAT, "stats of campaign " + id + " in the answer for " + campaignId);
        }
        requireIfPresent(stat, "granularity", "DAY");
        requireIfPresent(stat, "swipe_up_attribution_window", SWIPE_UP_ATTRIBUTION_WINDOW);
        requireIfPresent(stat, "view_attribution_window", VIEW_ATTRIBUTION_WINDOW);

        List<CampaignDailyPerformance> rows = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode bucket : SnapJson.array(stat, "timeseries", WHAT)) {
            LocalDate day = day(bucket, window, account);
            if (!seen.add(day)) {
                throw SnapJson.malformed(WHAT, "day " + day + " is reported twice for campaign " + campaignId);
            }
            rows.add(row(campaignId, day, SnapJson.object(bucket, "stats", WHAT), account.currency()));
        }
        return rows;
    }

    private static LocalDate day(JsonNode bucket, StatsWindow window, AdAccount account) {
        String start = SnapJson.text(bucket, "start_time", WHAT);
        OffsetDateTime startTime = SnapJson.dateTime(start, "start_time", WHAT);
        LocalDate day = startTime.atZoneSameInstant(account.zone()).toLocalDate();
        if (!startTime.toInstant().equals(day.atStartOfDay(account.zone()).toInstant())) {
            throw SnapJson.malformed(WHAT, "bucket " + start + " does not start at midnight in " + account.zone());
        }
        if (!window.contains(day)) {
            throw SnapJson.malformed(WHAT, "bucket " + start + " is outside the requested days " + window.first()
                    + " to " + window.last());
        }
        return day;
    }

    private static CampaignDailyPerformance row(String campaignId, LocalDate day, ObjectNode stats, String currency) {
        try {
            return new CampaignDailyPerformance(
                    campaignId,
                    day,
                    MicroCurrency.read(stats, "spend", currency, WHAT),
                    SnapJson.nonNegativeLong(stats, "impressions", WHAT),
                    SnapJson.nonNegativeLong(stats, "swipes", WHAT),
                    SnapJson.nonNegativeLong(stats, "conversion_purchases", WHAT),
                    MicroCurrency.read(stats, "conversion_purchases_value", currency, WHAT));
        } catch (IllegalArgumentException e) {
            throw SnapJson.malformed(WHAT, e.getMessage());
        }
    }

    private static void requireIfPresent(ObjectNode stat, String field, String expected) {
        SnapJson.optionalText(stat, field).ifPresent(value -> {
            if (!value.equalsIgnoreCase(expected)) {
                throw SnapJson.malformed(WHAT, field + " is " + value + ", not the " + expected + " asked for");
            }
        });
    }
}
