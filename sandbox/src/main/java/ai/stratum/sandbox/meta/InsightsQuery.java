package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * What an insights request asks for:
 * <ul>
 *   <li>{@code level}: {@code account}, {@code campaign} or {@code adset} (default: the level of the
 *       object asked, the account for {@code /act_{id}/insights});</li>
 *   <li>the days: {@code time_range={"since":"2026-09-01","until":"2026-09-14"}}, else
 *       {@code date_preset} ({@code today}, {@code yesterday}, {@code last_3d}, {@code last_7d},
 *       {@code last_14d}, {@code last_28d}, {@code last_30d}, {@code last_90d}, {@code this_month},
 *       {@code last_month}), else {@code last_30d}; the {@code last_*} presets end yesterday, as
 *       Meta's do; days are the account time zone's;</li>
 *   <li>{@code time_increment}: {@code 1} to {@code 90} days per row, {@code monthly}, or
 *       {@code all_days} (one row for the range, the default).</li>
 * </ul>
 * The attribution parameters ({@code use_unified_attribution_setting}, {@code action_attribution_windows})
 * are accepted; the simulation attributes each purchase once, to the day it reports it.
 *
 * @param level     the level of the rows
 * @param since     the first day
 * @param until     the last day
 * @param increment days per row, 0 for monthly, -1 for the whole range
 */
record InsightsQuery(String level, LocalDate since, LocalDate until, int increment) {

    static final int MONTHLY = 0;
    static final int ALL_DAYS = -1;

    private static final Set<String> LEVELS = Set.of("account", "campaign", "adset");

    /**
     * @param request      the request
     * @param defaultLevel the level of the object asked
     * @param today        today in the account time zone
     */
    static InsightsQuery of(GraphRequest request, String defaultLevel, LocalDate today) {
        String level = request.param("level").orElse(defaultLevel);
        if (level.equals("ad")) {
            throw GraphErrors.invalidParameter("level ad is not available: the simulated campaigns report at the "
                    + "account, campaign and adset levels");
        }
        if (!LEVELS.contains(level)) {
            throw GraphErrors.invalidParameter("Param level must be one of {ad, adset, campaign, account}");
        }
        LocalDate[] range = request.param("time_range").map(InsightsQuery::timeRange)
                .orElseGet(() -> preset(request.param("date_preset").orElse("last_30d"), today));
        return new InsightsQuery(level, range[0], range[1], increment(request.param("time_increment").orElse("all_days")));
    }

    private static LocalDate[] timeRange(String text) {
        JsonNode range;
        try {
            range = Json.read(text);
        } catch (Json.BadRequest e) {
            throw GraphErrors.invalidParameter("param time_range must be a JSON object with since and until");
        }
        try {
            LocalDate since = LocalDate.parse(range.path("since").asText(""));
            LocalDate until = LocalDate.parse(range.path("until").asText(""));
            if (until.isBefore(since)) {
                throw GraphErrors.invalidParameter("time_range's since must be on or before its until");
            }
            return new LocalDate[] {since, until};
        } catch (DateTimeParseException e) {
            throw GraphErrors.invalidParameter("param time_range must be a JSON object with since and until as "
                    + "YYYY-MM-DD");
        }
    }

    private static LocalDate[] preset(String preset, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        return switch (preset.toLowerCase(Locale.ROOT)) {
            case "today" -> new LocalDate[] {today, today};
            case "yesterday" -> new LocalDate[] {yesterday, yesterday};
            case "last_3d" -> last(3, yesterday);
            case "last_7d" -> last(7, yesterday);
            case "last_14d" -> last(14, yesterday);
            case "last_28d" -> last(28, yesterday);
            case "last_30d" -> last(30, yesterday);
            case "last_90d" -> last(90, yesterday);
            case "this_month" -> new LocalDate[] {today.withDayOfMonth(1), today};
            case "last_month" -> new LocalDate[] {today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)};
            default -> throw GraphErrors.invalidParameter("date_preset " + preset + " is not one of the presets "
                    + "simulated: today, yesterday, last_3d, last_7d, last_14d, last_28d, last_30d, last_90d, "
                    + "this_month, last_month");
        };
    }

    private static LocalDate[] last(int days, LocalDate yesterday) {
        return new LocalDate[] {yesterday.minusDays(days - 1L), yesterday};
    }

    private static int increment(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "all_days":
                return ALL_DAYS;
            case "monthly":
                return MONTHLY;
            default:
                try {
                    int days = Integer.parseInt(text.trim());
                    if (days >= 1 && days <= 90) {
                        return days;
                    }
                } catch (NumberFormatException e) {
                    // answered below
                }
                throw GraphErrors.invalidParameter("Param time_increment must be all_days, monthly or a number of "
                        + "days from 1 to 90");
        }
    }

    /** @return the first day of the row a day falls in */
    LocalDate bucketStart(LocalDate day) {
        if (increment == ALL_DAYS) {
            return since;
        }
        if (increment == MONTHLY) {
            LocalDate month = day.withDayOfMonth(1);
            return month.isBefore(since) ? since : month;
        }
        long offset = day.toEpochDay() - since.toEpochDay();
        return since.plusDays(offset - Math.floorMod(offset, increment));
    }

    /** @return the last day of the row that starts on a day */
    LocalDate bucketStop(LocalDate start) {
        LocalDate stop = switch (increment) {
            case ALL_DAYS -> until;
            case MONTHLY -> start.withDayOfMonth(start.lengthOfMonth());
            default -> start.plusDays(increment - 1L);
        };
        return stop.isAfter(until) ? until : stop;
    }
}
