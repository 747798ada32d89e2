package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/campaigns/{id}/stats?granularity=DAY}: one campaign's day buckets between two
 * midnights of the ad account's time zone, in Snap's {@code timeseries_stats} envelope.
 *
 * <ul>
 *   <li>Both ends must be local midnights, written with any offset; otherwise Snap's "Unsupported Stats
 *       Query" refusal, in its words. At most {@value #MAX_DAYS} days per query.</li>
 *   <li>One bucket per day, {@code start_time}/{@code end_time} at local midnights with that day's
 *       offset. Days without delivery are zero buckets, or left out with {@code omit_empty=true}.</li>
 *   <li>Figures from the simulation's report of the day as it stands now: {@code spend} and
 *       {@code conversion_purchases_value} in micro-currency, {@code swipes} as clicks, each purchase
 *       once in {@code conversion_purchases}. The simulation books purchases on the day of the ad
 *       interaction, which is Snap's {@code action_report_time=impression}; the attribution windows
 *       asked for are echoed, the simulation having one attribution.</li>
 *   <li>{@code finalized_data_end_time} and {@code conversion_data_processed_end_time}: the account's
 *       newest data, to the hour ({@link StatsFigures#completeness}).</li>
 * </ul>
 * Only DAY is simulated for campaigns; other granularities are refused with that reason.
 */
final class CampaignStats {

    static final int MAX_DAYS = 32;

    private final PlatformState state;

    CampaignStats(PlatformState state) {
        this.state = state;
    }

    ApiResponse get(ApiRequest request, String campaignId) {
        SimulatedAccount account = state.accountOf(campaignId).orElseThrow(SnapRefusal::notFound);
        SimulatedCampaign campaign = account.campaign(campaignId).orElseThrow(SnapRefusal::notFound);
        StatsQuery query = StatsQuery.of(request);
        if (!query.granularity().equals("DAY")) {
            throw SnapRefusal.invalid("Unsupported Stats Query: the sandbox simulates campaign stats with DAY "
                    + "granularity only, not " + query.granularity());
        }
        ZoneId zone = account.zone();
        LocalDate first = midnight(query.requireStart(), zone, "a start time");
        LocalDate end = midnight(query.requireEnd(), zone, "an end time");
        long days = ChronoUnit.DAYS.between(first, end);
        if (days < 1 || days > MAX_DAYS) {
            throw SnapRefusal.invalid("Unsupported Stats Query: Timeseries queries with DAY granularity must span "
                    + "1 to " + MAX_DAYS + " days; this one spans " + days);
        }
        Map<LocalDate, DayOutcome> outcomes = account.report(campaign.id(), first, end.minusDays(1)).stream()
                .collect(Collectors.toMap(DayOutcome::date, Function.identity()));

        ObjectNode stat = Json.object()
                .put("id", campaign.id())
                .put("type", "CAMPAIGN")
                .put("granularity", "DAY")
                .put("start_time", SnapTimes.local(first.atStartOfDay(zone)))
                .put("end_time", SnapTimes.local(end.atStartOfDay(zone)));
        StatsFigures.completeness(stat, account);
        stat.put("swipe_up_attribution_window", query.swipeUpWindow())
                .put("view_attribution_window", query.viewWindow());
        ArrayNode timeseries = stat.putArray("timeseries");
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            DayOutcome outcome = outcomes.get(day);
            if (outcome == null && query.omitEmpty()) {
                continue;
            }
            ObjectNode bucket = timeseries.addObject()
                    .put("start_time", SnapTimes.local(day.atStartOfDay(zone)))
                    .put("end_time", SnapTimes.local(day.plusDays(1).atStartOfDay(zone)));
            bucket.set("stats", StatsFigures.stats(query.fields(), outcome == null ? List.of() : List.of(outcome)));
        }
        return SnapResponses.ok(SnapResponses.envelope("timeseries_stats", "timeseries_stat", List.of(stat)));
    }

    /** The local date of a time that must be a midnight of the account's zone. */
    private static LocalDate midnight(OffsetDateTime time, ZoneId zone, String which) {
        LocalDate day = time.atZoneSameInstant(zone).toLocalDate();
        if (!day.atStartOfDay(zone).toInstant().equals(time.toInstant())) {
            throw SnapRefusal.invalid("Unsupported Stats Query: Timeseries queries with DAY granularity must have "
                    + which + " that is the start of day (00:00:00) for the account's timezone. This account's "
                    + "timezone is: " + zone.getId());
        }
        return day;
    }
}
