package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The Marketing API's {@code filtering} parameter: a JSON list of
 * {@code {"field","operator","value"}}, every one of which must hold. The operators simulated are
 * {@code EQUAL}, {@code NOT_EQUAL}, {@code IN}, {@code NOT_IN}, {@code CONTAIN} and
 * {@code NOT_CONTAIN}; each list names which fields it can be filtered on.
 */
final class Filtering {

    private static final Set<String> OPERATORS = Set.of("EQUAL", "NOT_EQUAL", "IN", "NOT_IN", "CONTAIN", "NOT_CONTAIN");

    private record Rule(String field, String operator, List<String> values) {
    }

    private final List<Rule> rules;

    private Filtering(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * @param parameter the request's {@code filtering}, if any
     * @param fields    the fields the list can be filtered on
     * @return the filter; one that keeps everything when there is no parameter
     * @throws GraphException Meta's invalid-parameter error for a filter it cannot read
     */
    static Filtering parse(Optional<String> parameter, Set<String> fields) {
        if (parameter.isEmpty() || parameter.get().isBlank()) {
            return new Filtering(List.of());
        }
        JsonNode list;
        try {
            list = Json.read(parameter.get());
        } catch (Json.BadRequest e) {
            throw GraphErrors.invalidParameter("param filtering must be an array of filter objects");
        }
        if (!list.isArray()) {
            throw GraphErrors.invalidParameter("param filtering must be an array of filter objects");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode filter : list) {
            String field = filter.path("field").asText("");
            String operator = filter.path("operator").asText("").toUpperCase(Locale.ROOT);
            if (!fields.contains(field)) {
                throw GraphErrors.invalidParameter("Filtering field " + field + " is invalid. Please refer to the "
                        + "document https://developers.facebook.com/docs/marketing-api/insights/filtering for valid values");
            }
            if (!OPERATORS.contains(operator)) {
                throw GraphErrors.invalidParameter("Filtering operator " + operator + " is not supported for " + field);
            }
            rules.add(new Rule(field, operator, values(filter.get("value"), field)));
        }
        return new Filtering(rules);
    }

    /**
     * @param item  an entry of the list
     * @param value the value of a field of an entry
     * @return whether every rule holds for the entry
     */
    <T> boolean keeps(T item, BiFunction<T, String, String> value) {
        return rules.stream().allMatch(rule -> holds(rule, value.apply(item, rule.field())));
    }

    private static boolean holds(Rule rule, String actual) {
        String first = rule.values().isEmpty() ? "" : rule.values().get(0);
        return switch (rule.operator()) {
            case "EQUAL" -> actual.equals(first);
            case "NOT_EQUAL" -> !actual.equals(first);
            case "IN" -> rule.values().contains(actual);
            case "NOT_IN" -> !rule.values().contains(actual);
            case "CONTAIN" -> actual.toLowerCase(Locale.ROOT).contains(first.toLowerCase(Locale.ROOT));
            case "NOT_CONTAIN" -> !actual.toLowerCase(Locale.ROOT).contains(first.toLowerCase(Locale.ROOT));
            default -> throw new IllegalStateException(rule.operator());
        };
    }

    private static List<String> values(JsonNode value, String field) {
        if (value == null || value.isNull() || value.isObject()) {
            throw GraphErrors.invalidParameter("Filtering value of " + field + " must be a string, a number or a list");
        }
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> values.add(element.asText()));
        } else {
            values.add(value.asText());
        }
        return values;
    }
}
