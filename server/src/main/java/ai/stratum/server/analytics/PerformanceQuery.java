package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated {@code PerformanceInput}: a range of at most {@value #MAX_DAYS} days (two years,
 * one of them leap), each platform and each dimension at most once.
 *
 * @param from      first day, inclusive
 * @param to        last day, inclusive
 * @param platforms the platforms to read; all of them when the input named none
 * @param groupBy   the dimensions, in the order rows are sorted by; empty for one row of totals
 */
public record PerformanceQuery(LocalDate from, LocalDate to, List<Platform> platforms, List<PerformanceDimension> groupBy) {

    public static final int MAX_DAYS = 731;

    public PerformanceQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        platforms = List.copyOf(platforms);
        groupBy = List.copyOf(groupBy);
        if (to.isBefore(from)) {
            throw ApiException.badInput("input.to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw ApiException.badInput("input.to", "At most " + MAX_DAYS + " days per request; " + from + " to " + to
                    + " is " + days + " days");
        }
        if (platforms.isEmpty()) {
            throw ApiException.badInput("input.platforms", "Name at least one platform, or leave 'platforms' out for all of them");
        }
        requireDistinct("input.platforms", platforms);
        requireDistinct("input.groupBy", groupBy);
    }

    /** Reads the GraphQL argument, whose enum values arrive as their names. */
    @SuppressWarnings("unchecked")
    public static PerformanceQuery of(Map<String, Object> input) {
        List<String> platforms = (List<String>) input.get("platforms");
        List<String> groupBy = (List<String>) input.get("groupBy");
        return new PerformanceQuery((LocalDate) input.get("from"), (LocalDate) input.get("to"),
                platforms == null ? Arrays.asList(Platform.values()) : platforms.stream().map(Platform::valueOf).toList(),
                groupBy == null ? List.of() : groupBy.stream().map(PerformanceDimension::valueOf).toList());
    }

    public boolean groupedBy(PerformanceDimension dimension) {
        return groupBy.contains(dimension);
    }

    private static void requireDistinct(String field, List<?> values) {
        Set<Object> seen = new HashSet<>();
        for (Object value : values) {
            if (!seen.add(value)) {
                throw ApiException.badInput(field, "'" + field.substring(field.indexOf('.') + 1) + "' names " + value
                        + " more than once");
            }
        }
    }
}
