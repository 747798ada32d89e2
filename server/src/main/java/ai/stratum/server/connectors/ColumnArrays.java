package ai.stratum.server.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns rows into the per-column arrays that {@code unnest($n::type[], …)} reads, so a few thousand
 * rows go in one statement rather than one statement per row.
 */
final class ColumnArrays {

    /** Rows per statement: large enough to amortise a round trip, small enough to keep the arrays modest. */
    static final int BATCH = 2000;

    private ColumnArrays() {
    }

    static <T> String[] texts(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    static <T> List<List<T>> batches(List<T> rows) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += BATCH) {
            batches.add(rows.subList(start, Math.min(rows.size(), start + BATCH)));
        }
        return batches;
    }
}
