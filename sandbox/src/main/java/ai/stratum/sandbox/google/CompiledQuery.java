package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.GoogleFields.Field;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A GAQL query whose fields exist and fit the resource queried, and whose values are typed.
 *
 * @param select                      the selected fields, in order
 * @param from                        the resource queried
 * @param where                       the conditions
 * @param orderBy                     the orderings
 * @param limit                       the row limit
 * @param omitUnselectedResourceNames the {@code omit_unselected_resource_names} parameter
 * @param days                        the finite range of days the conditions on {@code segments.date} allow, if any
 */
record CompiledQuery(List<Field> select, String from, List<GaqlFilter> where, List<Sort> orderBy, OptionalLong limit,
                     boolean omitUnselectedResourceNames, Optional<Days> days) {

    /**
     * An ordering.
     *
     * @param field      the field
     * @param descending whether DESC
     */
    record Sort(Field field, boolean descending) {
    }

    /**
     * Days, both included.
     *
     * @param from the first
     * @param to   the last
     */
    record Days(LocalDate from, LocalDate to) {
    }

    boolean selects(String field) {
        return select.stream().anyMatch(selected -> selected.name().equals(field));
    }

    /** @return whether the query reads metrics or date segments, so its rows are report rows */
    boolean reports() {
        return Stream.concat(Stream.concat(select.stream(), where.stream().map(GaqlFilter::field)),
                orderBy.stream().map(Sort::field)).anyMatch(field -> field.isMetric() || field.isSegment());
    }

    /** @return whether the query selects any metric */
    boolean selectsMetrics() {
        return select.stream().anyMatch(Field::isMetric);
    }
}
