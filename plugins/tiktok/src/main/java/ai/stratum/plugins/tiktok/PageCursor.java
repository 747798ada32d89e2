package ai.stratum.plugins.tiktok;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The SPI cursor of this plugin: the next TikTok page number, the advertiser's currency (read once
 * on the first page rather than on every page) and, for reports, the first day of the date chunk
 * being paged. Written as {@code page|currency} or {@code page|currency|yyyy-MM-dd}.
 *
 * @param page       the TikTok page to ask for, from 1
 * @param currency   the advertiser's ISO currency
 * @param chunkStart the first day of the report chunk, or {@code null} outside reports
 */
record PageCursor(int page, String currency, LocalDate chunkStart) {

    String encode() {
        return page + "|" + currency + (chunkStart == null ? "" : "|" + chunkStart);
    }

    /**
     * @throws IllegalArgumentException when the text is not a cursor this plugin wrote
     */
    static PageCursor decode(String cursor) {
        String[] parts = cursor.split("\\|");
        try {
            if (parts.length == 2 || parts.length == 3) {
                int page = Integer.parseInt(parts[0]);
                LocalDate chunkStart = parts.length == 3 ? LocalDate.parse(parts[2]) : null;
                if (page >= 1 && parts[1].matches("[A-Z]{3}")) {
                    return new PageCursor(page, parts[1], chunkStart);
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a TikTok plugin cursor: " + cursor, e);
        }
        throw new IllegalArgumentException("not a TikTok plugin cursor: " + cursor);
    }
}
