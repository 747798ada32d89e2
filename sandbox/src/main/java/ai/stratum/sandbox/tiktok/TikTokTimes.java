package ai.stratum.sandbox.tiktok;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How TikTok writes times: {@code yyyy-MM-dd HH:mm:ss}, entity times in UTC, report days at local midnight. */
final class TikTokTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TikTokTimes() {
    }

    /** @return an entity time such as {@code create_time}, in UTC */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** @return a report's {@code stat_time_day}: the day's start in the advertiser's time zone */
    static String statTimeDay(LocalDate day) {
        return day + " 00:00:00";
    }
}
