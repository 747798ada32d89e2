package ai.stratum.plugins.google;

import ai.stratum.plugin.api.DateRange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Splits a date range into pages of at most {@link #DAYS_PER_PAGE} days. searchStream itself has
 * no paging (it answers a query with every row at once), so the pages are date chunks: a page holds
 * one chunk's rows, and the cursor is the first day of the next chunk. That keeps a sync's memory
 * bounded by the chunk, not the whole range.
 */
final class PerformanceChunks {

    /**
     * At most 15 days per page: 500 campaigns give at most 7,500 rows. A page is one whole
     * searchStream answer, read and parsed at once, so its size is what a sync of Google holds in
     * memory; month-long pages (15,500 rows) took most of a 256 MB heap.
     */
    static final int DAYS_PER_PAGE = 15;

    private PerformanceChunks() {
    }

    /**
     * @param range  the requested days
     * @param cursor null for the first page, else a cursor from {@link #nextCursor}
     * @return the days of this page
     * @throws IllegalArgumentException when the cursor is not a day inside the range
     */
    static DateRange chunk(DateRange range, String cursor) {
        LocalDate start = cursor == null ? range.from() : parse(cursor);
        if (!range.contains(start)) {
            throw new IllegalArgumentException("cursor " + cursor + " lies outside " + range.from() + ".." + range.to());
        }
        LocalDate end = start.plusDays(DAYS_PER_PAGE - 1L);
        return new DateRange(start, end.isAfter(range.to()) ? range.to() : end);
    }

    /** @return the cursor of the page after the chunk, or empty when the chunk ends the range */
    static Optional<String> nextCursor(DateRange range, DateRange chunk) {
        return chunk.to().isBefore(range.to()) ? Optional.of(chunk.to().plusDays(1).toString()) : Optional.empty();
    }

    private static LocalDate parse(String cursor) {
        try {
            return LocalDate.parse(cursor);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Google Ads performance cursor: " + cursor, e);
        }
    }
}
