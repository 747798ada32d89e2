package ai.stratum.server.analytics;

import java.time.LocalDate;

/**
 * Performance that could not be converted: amounts in {@code from} on {@code date} (the earliest
 * such day of a group), with no rate to {@code to} on or before it, in either direction.
 */
public record MissingFxRate(String from, String to, LocalDate date) {

    String describe() {
        return "No exchange rate between " + from + " and " + to + " on or before " + date
                + " (needed for performance in " + from + " on " + date + "); a SUPER_ADMIN can load one with upsertFxRates";
    }
}
