package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * How fresh Meta's data for an account is. Meta's insights carry days, not timestamps, and its
 * Dataset Quality API only names an upload frequency ({@code data_freshness.upload_frequency}), so
 * freshness is derived from the newest day with delivery: the account-level daily insights of the
 * last {@link #LOOKBACK_DAYS} days are read, the newest day with impressions or spend is taken, and
 * its end (midnight after it, in the account time zone) is the newest data time, capped at now
 * because today's row covers the day so far. No delivery in the window gives no time.
 */
final class DeliveryFreshness {

    /** Days looked back, today included. */
    static final int LOOKBACK_DAYS = 90;
    /** The fields to ask for. */
    static final String FIELDS = "impressions,spend,date_start,date_stop";

    private DeliveryFreshness() {
    }

    /**
     * @param pages the pages of {@code GET /act_{id}/insights?level=account&time_increment=1}
     * @param zone  the account time zone
     * @param now   the current time
     * @return the newest data time, or empty without delivery
     */
    static Optional<Instant> newestDataAt(List<GraphResponse> pages, ZoneId zone, Instant now) {
        Optional<LocalDate> newest = Optional.empty();
        for (GraphResponse page : pages) {
            for (JsonNode row : JsonFields.requiredArray(page.json(), "data", "the account insights")) {
                if (delivered(row)) {
                    LocalDate day = day(row);
                    newest = newest.filter(known -> !known.isBefore(day)).or(() -> Optional.of(day));
                }
            }
        }
        return newest.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant())
                .map(end -> end.isAfter(now) ? now : end);
    }

    private static boolean delivered(JsonNode row) {
        String what = "an account insights row";
        long impressions = JsonFields.optionalLong(row, "impressions", what).orElse(0L);
        boolean spent = JsonFields.optionalDecimal(row, "spend", what).map(DeliveryFreshness::positive).orElse(false);
        return impressions > 0 || spent;
    }

    private static boolean positive(String decimal) {
        try {
            return new BigDecimal(decimal.trim()).signum() > 0;
        } catch (NumberFormatException e) {
            throw JsonFields.malformed("an account insights row has a spend that is not a number: " + decimal);
        }
    }

    private static LocalDate day(JsonNode row) {
        String text = JsonFields.requiredText(row, "date_start", "an account insights row");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonFields.malformed("an account insights row has a date_start that is not a date: " + text);
        }
    }
}
