package ai.stratum.plugin.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Calendar days from {@code from} to {@code to}, both included, in the ad account's time zone.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

    /**
     * Creates a date range.
     *
     * @param from the first day
     * @param to the last day, not before {@code from}
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends before it starts: " + from + " to " + to);
        }
    }

    /**
     * The number of days in the range.
     *
     * @return at least 1
     */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * Whether the day lies in the range.
     *
     * @param day a calendar day
     * @return true when {@code from <= day <= to}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
