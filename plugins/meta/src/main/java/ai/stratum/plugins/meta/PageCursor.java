package ai.stratum.plugins.meta;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The cursor this plugin hands the host between pages: Meta's {@code after} cursor plus the
 * account currency read on the first page, so later pages need no second account lookup.
 * Encoded as URL-safe Base64 of {@code <currency>:<after>}; the host treats it as opaque.
 *
 * @param currency the account's ISO 4217 currency
 * @param after    Meta's {@code paging.cursors.after}
 */
record PageCursor(String currency, String after) {

    PageCursor {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(after, "after");
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((currency + ":" + after).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param cursor a cursor from {@link #encode()}
     * @return the decoded cursor
     * @throws IllegalArgumentException when the cursor did not come from this plugin
     */
    static PageCursor decode(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Meta page cursor: " + cursor, e);
        }
        int colon = text.indexOf(':');
        if (colon != 3 || text.length() == colon + 1) {
            throw new IllegalArgumentException("not a Meta page cursor: " + cursor);
        }
        return new PageCursor(text.substring(0, colon), text.substring(colon + 1));
    }
}
