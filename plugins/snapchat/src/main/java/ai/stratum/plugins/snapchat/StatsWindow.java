package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.DateRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of one DAY-granularity stats request. Snap answers DAY queries only when they start and
 * end at midnight in the ad account's time zone, written with that day's UTC offset (so daylight
 * saving changes the offset from one request to the next), and refuses intervals longer than 32
 * days; a longer range is split into windows of at most {@value #MAX_DAYS} days.
 *
 * @param first the first day, in the account's time zone
 * @param last  the last day, inclusive
 */
record StatsWindow(LocalDate first, LocalDate last) {

    static final int MAX_DAYS = 31;

    /** Snap's timestamp form, as in its answers: {@code 2026-09-01T00:00:00.000-07:00}. */
    private static final DateTimeFormatter SNAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    static int count(DateRange range) {
        return (int) ((range.days() + MAX_DAYS - 1) / MAX_DAYS);
    }

    /** The {@code index}-th window of the range, counting from 0. */
    static StatsWindow of(DateRange range, int index) {
        if (index < 0 || index >= count(range)) {
            throw new IllegalArgumentException("no stats window " + index + " in " + range);
        }
        LocalDate first = range.from().plusDays((long) index * MAX_DAYS);
        LocalDate last = first.plusDays(MAX_DAYS - 1L);
        return new StatsWindow(first, last.isAfter(range.to()) ? range.to() : last);
    }

    static List<StatsWindow> split(DateRange range) {
        List<StatsWindow> windows = new ArrayList<>();
        for (int i = 0; i < count(range); i++) {
            windows.add(of(range, i));
        }
        return windows;
    }

    String startTime(ZoneId zone) {
        return startOfDay(first, zone);
    }

    /** The midnight that ends the last day. */
    String endTime(ZoneId zone) {
        return startOfDay(last.plusDays(1), zone);
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    static String startOfDay(LocalDate day, ZoneId zone) {
        return format(day.atStartOfDay(zone));
    }

    static String format(ZonedDateTime time) {
        return SNAP_TIME.format(time);
    }
}
