package ai.stratum.server.graphql;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection built from {@code first + 1} rows: the extra row only tells that another
 * page follows.
 */
public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public static <T> Page<T> of(List<T> rowsPlusOne, PageRequest request, Function<T, PageCursor> cursor, long totalCount) {
        return of(rowsPlusOne, request.first(), request.after().isPresent(), row -> cursor.apply(row).encode(), totalCount);
    }

    /**
     * The same for rows ordered by something other than (created_at, id).
     *
     * @param first   the page size asked for
     * @param isAfter whether the page starts after a cursor
     * @param cursor  the encoded cursor of a row
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int first, boolean isAfter, Function<T, String> cursor, long totalCount) {
        boolean hasNext = rowsPlusOne.size() > first;
        List<T> rows = hasNext ? rowsPlusOne.subList(0, first) : rowsPlusOne;
        List<Edge<T>> edges = rows.stream().map(row -> new Edge<>(cursor.apply(row), row)).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Page<>(edges, new PageInfo(hasNext, isAfter, start, end), totalCount);
    }

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
