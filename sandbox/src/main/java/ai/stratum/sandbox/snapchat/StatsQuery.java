package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a Snap stats request ({@code GET /v1/{entities}/{id}/stats}), checked as
 * Snap checks them.
 *
 * @param granularity          {@code TOTAL} (Snap's default), {@code DAY} or {@code HOUR}
 * @param fields               the metrics asked for; all the simulated ones when none are named
 * @param start                {@code start_time}
 * @param end                  {@code end_time}
 * @param swipeUpWindow        {@code swipe_up_attribution_window}, Snap's default {@code 28_DAY}
 * @param viewWindow           {@code view_attribution_window}, Snap's default {@code 1_DAY}
 * @param omitEmpty            {@code omit_empty}: leave out time buckets without data
 */
record StatsQuery(String granularity, List<String> fields, Optional<OffsetDateTime> start,
                  Optional<OffsetDateTime> end, String swipeUpWindow, String viewWindow, boolean omitEmpty) {

    /**
     * The metrics the simulation has: delivery, swipes (Snap's clicks), and purchases with their value
     * in micro-currency, each purchase reported once.
     */
    static final List<String> SIMULATED_FIELDS =
            List.of("impressions", "swipes", "spend", "conversion_purchases", "conversion_purchases_value");

    private static final Set<String> GRANULARITIES = Set.of("TOTAL", "DAY", "HOUR", "LIFETIME");
    private static final Set<String> SWIPE_UP_WINDOWS = Set.of("1_DAY", "7_DAY", "28_DAY");
    private static final Set<String> VIEW_WINDOWS = Set.of("none", "1_HOUR", "3_HOUR", "6_HOUR", "1_DAY", "7_DAY",
            "28_DAY");
    private static final Set<String> REPORT_TIMES = Set.of("impression", "conversion");

    /** @throws SnapRefusal for a parameter Snap would not take or a metric the sandbox does not simulate */
    static StatsQuery of(ApiRequest request) {
        String granularity = request.queryParam("granularity").orElse("TOTAL");
        if (!GRANULARITIES.contains(granularity)) {
            throw SnapRefusal.invalid("Invalid granularity: " + granularity);
        }
        List<String> fields = request.queryParam("fields").filter(value -> !value.isBlank())
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).toList())
                .orElse(SIMULATED_FIELDS);
        for (String field : fields) {
            if (!SIMULATED_FIELDS.contains(field)) {
                throw SnapRefusal.invalid("Unsupported Stats Query: the sandbox does not simulate the field " + field
                        + "; it simulates " + String.join(",", SIMULATED_FIELDS));
            }
        }
        String swipeUp = oneOf(request, "swipe_up_attribution_window", "28_DAY", SWIPE_UP_WINDOWS);
        String view = oneOf(request, "view_attribution_window", "1_DAY", VIEW_WINDOWS);
        oneOf(request, "action_report_time", "impression", REPORT_TIMES);
        boolean omitEmpty = Boolean.parseBoolean(oneOf(request, "omit_empty", "false", Set.of("true", "false")));
        return new StatsQuery(granularity, fields,
                request.queryParam("start_time").map(value -> SnapTimes.parse(value, "start_time")),
                request.queryParam("end_time").map(value -> SnapTimes.parse(value, "end_time")),
                swipeUp, view, omitEmpty);
    }

    /** @return {@code start_time}, which a query of that granularity must have */
    OffsetDateTime requireStart() {
        return start.orElseThrow(() -> SnapRefusal.invalid("start_time is required for " + granularity + " stats"));
    }

    /** @return {@code end_time}, which a query of that granularity must have */
    OffsetDateTime requireEnd() {
        return end.orElseThrow(() -> SnapRefusal.invalid("end_time is required for " + granularity + " stats"));
    }

    private static String oneOf(ApiRequest request, String parameter, String otherwise, Set<String> allowed) {
        String value = request.queryParam(parameter).orElse(otherwise);
        if (!allowed.contains(value)) {
            throw SnapRefusal.invalid("Invalid " + parameter + ": " + value);
        }
        return value;
    }
}
