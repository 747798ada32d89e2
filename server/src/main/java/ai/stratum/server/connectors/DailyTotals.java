package ai.stratum.server.connectors;

import java.time.LocalDate;

/**
 * One day of an account's stored performance, summed over its campaigns; money in micros of the
 * account's currency.
 */
record DailyTotals(LocalDate date, long spendMicros, long revenueMicros, double conversions) {
}
