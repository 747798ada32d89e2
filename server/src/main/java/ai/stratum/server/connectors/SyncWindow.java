package ai.stratum.server.connectors;

import ai.stratum.plugin.api.DateRange;
import ai.stratum.server.error.ApiException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days one sync reads, both included. By default the lookback window ending today, so late
 * conversions of recent days are picked up; a person may name other days, within limits.
 *
 * <p>"Today" is the account's today, in the zone its plugin reported at the last sync
 * ({@code SignalCollector.timeZone}); the first sync, and an account whose plugin does not say, use
 * the tenant's.
 */
record SyncWindow(LocalDate from, LocalDate to) {

    SyncWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " to " + to);
        }
    }

    /** The scheduled window: {@code lookbackDays} days ending today. */
    static SyncWindow lookback(LocalDate today, int lookbackDays) {
        return new SyncWindow(today.minusDays(lookbackDays - 1L), today);
    }

    /**
     * The window a person asked for; a missing end is today, a missing start the lookback before the end.
     *
     * @throws ApiException BAD_USER_INPUT naming {@code from} or {@code to}
     */
    static SyncWindow requested(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today, int lookbackDays) {
        // one day of slack: an account ahead of the tenant's time zone is already in tomorrow
        LocalDate latest = today.plusDays(1);
        LocalDate end = to.orElse(today);
        if (end.isAfter(latest)) {
            throw ApiException.badInput("to", "'to' (" + end + ") is in the future; the latest day is " + latest);
        }
        LocalDate start = from.orElse(end.minusDays(lookbackDays - 1L));
        if (start.isAfter(end)) {
            throw ApiException.badInput("from", "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > SyncSettings.MAX_RANGE_DAYS) {
            throw ApiException.badInput("from", "A sync reads at most " + SyncSettings.MAX_RANGE_DAYS + " days; "
                    + start + " to " + end + " is " + (ChronoUnit.DAYS.between(start, end) + 1));
        }
        return new SyncWindow(start, end);
    }

    DateRange range() {
        return new DateRange(from, to);
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
