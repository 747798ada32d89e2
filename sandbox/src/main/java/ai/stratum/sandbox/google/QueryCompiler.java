package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.CompiledQuery.Days;
import ai.stratum.sandbox.google.CompiledQuery.Sort;
import ai.stratum.sandbox.google.GaqlQuery.Condition;
import ai.stratum.sandbox.google.GaqlQuery.Type;
import ai.stratum.sandbox.google.GaqlQuery.Value;
import ai.stratum.sandbox.google.GoogleFields.Field;
import ai.stratum.sandbox.google.GoogleFields.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed query against the fields of {@link GoogleFields}: every field exists
 * ({@code UNRECOGNIZED_FIELD}) and may be used with the resource queried; every value fits its
 * field's type and operator; a query selecting {@code segments.date} restricts it to a finite
 * range ({@code EXPECTED_FILTERS_ON_DATE_RANGE}), as Google requires. DURING literals are resolved
 * against the account's today.
 */
final class QueryCompiler {

    private static final Set<String> PARAMETERS = Set.of("include_drafts", "omit_unselected_resource_names");

    private QueryCompiler() {
    }

    static CompiledQuery compile(GaqlQuery query, LocalDate today) {
        String from = query.from();
        if (!GoogleFields.RESOURCES.containsKey(from)) {
            throw new GaqlException("BAD_RESOURCE_TYPE_IN_FROM_CLAUSE", "Error in query: invalid resource type in the "
                    + "FROM clause: '" + from + "'.");
        }
        List<Field> select = query.select().stream().map(name -> field(name, from, "SELECT")).toList();
        List<GaqlFilter> where = new ArrayList<>();
        for (Condition condition : query.where()) {
            where.add(filter(field(condition.field(), from, "WHERE"), condition, today));
        }
        List<Sort> orderBy = query.orderBy().stream()
                .map(ordering -> new Sort(field(ordering.field(), from, "ORDER BY"), ordering.descending())).toList();
        boolean omit = false;
        for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new GaqlException("BAD_PARAMETER_NAME", "Error in query: unknown parameter " + parameter.getKey() + ".");
            }
            String value = parameter.getValue().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new GaqlException("BAD_PARAMETER_VALUE", "Error in query: parameter " + parameter.getKey()
                        + " takes true or false.");
            }
            omit |= parameter.getKey().equals("omit_unselected_resource_names") && value.equals("true");
        }
        Optional<Days> days = DateFilters.days(where);
        if (select.stream().anyMatch(field -> field.name().equals("segments.date")) && days.isEmpty()) {
            throw new GaqlException("EXPECTED_FILTERS_ON_DATE_RANGE", "Error in query: segments.date is selected, so the"
                    + " WHERE clause must restrict it to a finite date range.");
        }
        return new CompiledQuery(select, from, where, orderBy, query.limit(), omit, days);
    }

    private static Field field(String name, String from, String clause) {
        Field field = GoogleFields.find(name).orElseThrow(() -> new GaqlException("UNRECOGNIZED_FIELD",
                "Error in query: unrecognized field in the query: '" + name + "'."));
        if (!GoogleFields.RESOURCES.get(from).contains(field.resource())) {
            String error = field.isMetric() ? "PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE"
                    : field.isSegment() ? "PROHIBITED_SEGMENT_IN_SELECT_OR_WHERE_CLAUSE"
                    : clause.equals("WHERE") ? "PROHIBITED_RESOURCE_TYPE_IN_WHERE_CLAUSE"
                    : "PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE";
            throw new GaqlException(error, "Error in query: '" + name + "' cannot be used in the " + clause
                    + " clause of a query FROM " + from + ".");
        }
        return field;
    }

    private static GaqlFilter filter(Field field, Condition condition, LocalDate today) {
        String operator = condition.operator();
        boolean text = field.kind() == Kind.STRING || field.kind() == Kind.RESOURCE_NAME;
        if ((operator.endsWith("LIKE") && !text) || (operator.equals("DURING") && field.kind() != Kind.DATE)) {
            throw new GaqlException("OPERATOR_FIELD_MISMATCH", "Error in query: " + operator + " cannot filter "
                    + field.name() + ".");
        }
        if (operator.equals("DURING")) {
            Value literal = condition.values().get(0);
            Days days = DateFilters.during(literal.type() == Type.WORD ? literal.text() : "", today);
            return new GaqlFilter(field, operator, List.of(days.from(), days.to()));
        }
        List<Object> values = new ArrayList<>();
        for (Value value : condition.values()) {
            values.add(operator.endsWith("LIKE") ? likePattern(value) : typed(field, value, operator));
        }
        return new GaqlFilter(field, operator, values);
    }

    private static String likePattern(Value value) {
        if (value.type() != Type.STRING) {
            throw new GaqlException("INVALID_VALUE_WITH_LIKE_OPERATOR", "Error in query: LIKE takes a quoted pattern.");
        }
        return value.text();
    }

    private static Object typed(Field field, Value value, String operator) {
        return switch (field.kind()) {
            case INT64, INT32, DOUBLE -> number(value);
            case STRING, RESOURCE_NAME -> {
                if (value.type() != Type.STRING) {
                    throw new GaqlException("INVALID_STRING_VALUE", "Error in query: " + field.name()
                            + " takes a quoted string, not " + value.text() + ".");
                }
                yield value.text();
            }
            case ENUM -> {
                if (value.type() == Type.NUMBER || !field.enumValues().contains(value.text())) {
                    throw new GaqlException("BAD_ENUM_CONSTANT", "Error in query: invalid enum constant " + value.text()
                            + " for " + field.name() + ".");
                }
                yield value.text();
            }
            case BOOL -> {
                if (value.type() != Type.WORD || !value.text().matches("(?i)true|false")) {
                    throw new GaqlException("BAD_VALUE", "Error in query: " + field.name() + " takes TRUE or FALSE.");
                }
                yield Boolean.parseBoolean(value.text());
            }
            case DATE -> date(value, operator);
        };
    }

    private static BigDecimal number(Value value) {
        try {
            if (value.type() == Type.NUMBER) {
                return new BigDecimal(value.text());
            }
        } catch (NumberFormatException e) {
            // a malformed number such as 1.2.3, refused below
        }
        throw new GaqlException("BAD_NUMBER", "Error in query: " + value.text() + " is not a number.");
    }

    private static LocalDate date(Value value, String operator) {
        try {
            if (value.type() == Type.STRING && value.text().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(value.text());
            }
        } catch (DateTimeParseException e) {
            // an impossible day such as 2026-02-30, refused below
        }
        throw new GaqlException(operator.equals("BETWEEN") ? "INVALID_VALUE_WITH_BETWEEN_OPERATOR" : "INVALID_DATE_FORMAT",
                "Error in query: invalid date " + value.text() + ". Expected 'YYYY-MM-DD'.");
    }
}
