package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.CompiledQuery.Days;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The days a query's conditions on {@code segments.date} allow, and GAQL's DURING literals. A
 * report reads its rows day by day, so it needs a finite range; the days are the intersection of
 * every bound ({@code =}, {@code BETWEEN}, {@code DURING}, {@code >}, {@code >=}, {@code <},
 * {@code <=}, {@code IN}).
 */
final class DateFilters {

    private DateFilters() {
    }

    /** @return the range, when both ends are bounded; refuses an empty one as Google does */
    static Optional<Days> days(List<GaqlFilter> filters) {
        LocalDate from = null;
        LocalDate to = null;
        for (GaqlFilter filter : filters) {
            if (!filter.field().name().equals("segments.date")) {
                continue;
            }
            List<Object> values = filter.values();
            LocalDate low = null;
            LocalDate high = null;
            switch (filter.operator()) {
                case "=" -> low = high = (LocalDate) values.get(0);
                case "BETWEEN", "DURING" -> {
                    low = (LocalDate) values.get(0);
                    high = (LocalDate) values.get(1);
                }
                case ">=" -> low = (LocalDate) values.get(0);
                case ">" -> low = ((LocalDate) values.get(0)).plusDays(1);
                case "<=" -> high = (LocalDate) values.get(0);
                case "<" -> high = ((LocalDate) values.get(0)).minusDays(1);
                case "IN" -> {
                    low = values.stream().map(LocalDate.class::cast).min(LocalDate::compareTo).orElseThrow();
                    high = values.stream().map(LocalDate.class::cast).max(LocalDate::compareTo).orElseThrow();
                }
                default -> {
                }
            }
            from = low != null && (from == null || low.isAfter(from)) ? low : from;
            to = high != null && (to == null || high.isBefore(to)) ? high : to;
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new GaqlException("DATE_RANGE_TOO_NARROW", "Error in query: the date filters start after they end.");
        }
        return from == null || to == null ? Optional.empty() : Optional.of(new Days(from, to));
    }

    /**
     * @param literal a DURING literal, for example {@code LAST_30_DAYS}
     * @param today   the account's today
     * @return its days; the LAST_n_DAYS ranges end yesterday, as Google's do
     */
    static Days during(String literal, LocalDate today) {
        return switch (literal) {
            case "TODAY" -> new Days(today, today);
            case "YESTERDAY" -> new Days(today.minusDays(1), today.minusDays(1));
            case "LAST_7_DAYS" -> new Days(today.minusDays(7), today.minusDays(1));
            case "LAST_14_DAYS" -> new Days(today.minusDays(14), today.minusDays(1));
            case "LAST_30_DAYS" -> new Days(today.minusDays(30), today.minusDays(1));
            case "THIS_MONTH" -> new Days(today.withDayOfMonth(1), today);
            case "LAST_MONTH" -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new Days(first, first.withDayOfMonth(first.lengthOfMonth()));
            }
            case "THIS_WEEK_MON_TODAY" -> new Days(today.with(DayOfWeek.MONDAY), today);
            default -> throw new GaqlException("INVALID_VALUE_WITH_DURING_OPERATOR", "Error in query: invalid DURING "
                    + "value " + literal + ".");
        };
    }
}
