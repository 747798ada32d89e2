package ai.stratum.sandbox.snapchat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Snap's two ways of writing a time: entity attributes in UTC ({@code 2026-08-25T07:00:00.000Z}) and
 * stats times in the ad account's zone with its offset ({@code 2026-09-01T00:00:00.000-07:00}).
 */
final class SnapTimes {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter COMPACT_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    private SnapTimes() {
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    static String local(ZonedDateTime time) {
        return LOCAL.format(time);
    }

    /**
     * @param value an ISO-8601 date-time with offset, as Snap takes {@code start_time} and {@code end_time}
     * @throws SnapRefusal when it is not one
     */
    static OffsetDateTime parse(String value, String parameter) {
        return read(value).orElseThrow(() -> SnapRefusal.invalid("Invalid " + parameter + ": " + value
                + " is not an ISO 8601 date-time with a UTC offset"));
    }

    /** An ISO-8601 date-time with offset, the offset with or without a colon ({@code -07:00}, {@code -0700}). */
    static Optional<OffsetDateTime> read(String value) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, COMPACT_OFFSET)) {
            try {
                return Optional.of(OffsetDateTime.parse(value, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
