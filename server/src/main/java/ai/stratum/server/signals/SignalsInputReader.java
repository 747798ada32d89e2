package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.signals.health.DailyMetrics;
import ai.stratum.server.signals.health.SignalSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns {@code SignalsInput} into a snapshot, refusing anything out of range with the offending
 * field named, before anything is stored.
 */
final class SignalsInputReader {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_HISTORY_DAYS = 400;
    static final int MAX_EMQ_READINGS = 1000;

    private SignalsInputReader() {
    }

    static SignalSnapshot read(Map<String, Object> input, Instant now) {
        Platform platform = Platform.valueOf((String) input.get("platform"));
        String accountId = accountId((String) input.get("accountId"));
        List<Double> emq = emqScores(input.get("emqScores"));
        Optional<Instant> lastReceivedAt = Optional.ofNullable((Instant) input.get("lastReceivedAt"));
        lastReceivedAt.ifPresent(at -> {
            if (at.isAfter(now.plus(CLOCK_SKEW))) {
                throw ApiException.badInput("input.lastReceivedAt",
                        "lastReceivedAt " + at + " is in the future (more than " + CLOCK_SKEW.toMinutes() + " minutes ahead of " + now + ")");
            }
        });
        OptionalDouble platformRevenue = nonNegative("input.platformRevenue", input.get("platformRevenue"));
        OptionalDouble analyticsRevenue = nonNegative("input.analyticsRevenue", input.get("analyticsRevenue"));
        OptionalDouble cdp = within("input.cdpEmqScore", input.get("cdpEmqScore"), 0, 100);
        Optional<DailyMetrics> current = Optional.ofNullable(asMap(input.get("current"))).map(day -> metrics("input.current", day));
        List<DailyMetrics> history = history(input.get("history"), current);
        return new SignalSnapshot(platform, accountId, emq, lastReceivedAt, platformRevenue, analyticsRevenue, current, history, cdp);
    }

    static String accountId(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badInput("input.accountId", "accountId must be 1 to 100 printable characters");
        }
        return trimmed;
    }

    private static List<Double> emqScores(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> readings = (List<?>) value;
        if (readings.size() > MAX_EMQ_READINGS) {
            throw ApiException.badInput("input.emqScores", "At most " + MAX_EMQ_READINGS + " EMQ readings per snapshot");
        }
        List<Double> scores = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            double score = number(readings.get(i));
            if (!Double.isFinite(score) || score < 0 || score > 10) {
                throw ApiException.badInput("input.emqScores[" + i + "]", "EMQ readings are 0 to 10 (was " + score + ")");
            }
            scores.add(score);
        }
        return List.copyOf(scores);
    }

    private static List<DailyMetrics> history(Object value, Optional<DailyMetrics> current) {
        if (value == null) {
            return List.of();
        }
        List<?> days = (List<?>) value;
        if (days.size() > MAX_HISTORY_DAYS) {
            throw ApiException.badInput("input.history", "At most " + MAX_HISTORY_DAYS + " days of history per snapshot");
        }
        Set<LocalDate> seen = new HashSet<>();
        current.ifPresent(today -> seen.add(today.date()));
        List<DailyMetrics> metrics = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            String field = "input.history[" + i + "]";
            DailyMetrics day = metrics(field, asMap(days.get(i)));
            if (!seen.add(day.date())) {
                throw ApiException.badInput(field + ".date", "Date " + day.date() + " appears more than once in current and history");
            }
            if (current.isPresent() && day.date().isAfter(current.get().date())) {
                throw ApiException.badInput(field + ".date", "History day " + day.date() + " is after the current day "
                        + current.get().date());
            }
            metrics.add(day);
        }
        return List.copyOf(metrics);
    }

    private static DailyMetrics metrics(String field, Map<String, Object> day) {
        return new DailyMetrics(
                (LocalDate) day.get("date"),
                boxed(nonNegative(field + ".spend", day.get("spend"))),
                boxed(nonNegative(field + ".conversions", day.get("conversions"))),
                boxed(nonNegative(field + ".cpa", day.get("cpa"))),
                boxed(nonNegative(field + ".roas", day.get("roas"))));
    }

    private static OptionalDouble nonNegative(String field, Object value) {
        return within(field, value, 0, Double.MAX_VALUE);
    }

    private static OptionalDouble within(String field, Object value, double min, double max) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        double number = number(value);
        if (!Double.isFinite(number) || number < min || number > max) {
            String range = max == Double.MAX_VALUE ? "must not be negative" : "must be between " + (int) min + " and " + (int) max;
            throw ApiException.badInput(field, field.substring(field.lastIndexOf('.') + 1) + " " + range + " (was " + number + ")");
        }
        return OptionalDouble.of(number);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
