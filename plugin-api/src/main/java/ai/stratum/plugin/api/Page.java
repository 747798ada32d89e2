package ai.stratum.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of results and the cursor of the next one.
 *
 * <p>The host asks for the first page with a {@code null} cursor and keeps asking with
 * {@link #nextCursor()} until {@link #hasNext()} is false, so a sync never holds more than a
 * page in memory. The cursor is yours: encode whatever your platform needs to resume (its own
 * paging token, a page number, a date chunk).
 *
 * @param items      the results on this page, never null
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 * @param <T>        the type of the results
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Creates a page; prefer {@link #of} and {@link #last}.
     *
     * @param items the results on this page, never null
     * @param nextCursor the cursor of the next page, or {@code null} on the last page
     * @throws IllegalArgumentException when the next cursor is blank
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        // a blank cursor is a connector bug that would make the host page forever
        if (nextCursor != null && nextCursor.isBlank()) {
            throw new IllegalArgumentException("next cursor must be null on the last page, not blank");
        }
    }

    /**
     * A page with more pages after it.
     *
     * @param items      the results on this page
     * @param nextCursor the cursor of the next page
     * @param <T>        the type of the results
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Objects.requireNonNull(nextCursor, "nextCursor"));
    }

    /**
     * The last page.
     *
     * @param items the results on this page
     * @param <T>   the type of the results
     * @return the page
     */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * Whether another page follows.
     *
     * @return true when {@link #nextCursor()} is set
     */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
