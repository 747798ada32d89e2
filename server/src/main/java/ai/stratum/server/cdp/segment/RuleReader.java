package ai.stratum.server.cdp.segment;

import ai.stratum.server.cdp.rfm.RfmGroup;
import ai.stratum.server.error.ApiException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rule tree in the shape of GraphQL's {@code SegmentRuleInput} (a map per node, as GraphQL hands
 * input objects over and as {@link RuleWriter} stores them) into a {@link SegmentRule}, checking every
 * node. A bad node is refused with BAD_USER_INPUT naming its path, e.g. {@code rules.and[1].event.withinDays}.
 */
public final class RuleReader {

    /** Deepest nesting of and / or / not. */
    public static final int MAX_DEPTH = 8;
    /** Most nodes (conditions and and / or / not) in one tree. */
    public static final int MAX_NODES = 100;
    static final int MAX_TEXT = 500;
    static final int MAX_PATH_SEGMENTS = 10;
    static final int MAX_WITHIN_DAYS = 3650;
    private static final List<String> KINDS = List.of("and", "or", "not", "trait", "field", "event", "rfm", "churn");

    private int nodes;

    private RuleReader() {
    }

    /**
     * @param input the tree's root node
     * @param root  its path in the request, e.g. {@code rules}
     */
    public static SegmentRule read(Object input, String root) {
        return new RuleReader().node(input, root, 1);
    }

    private SegmentRule node(Object input, String path, int depth) {
        Map<String, Object> node = object(input, path);
        if (++nodes > MAX_NODES) {
            throw ApiException.badInput(path, "The rule tree has more than " + MAX_NODES + " nodes");
        }
        if (depth > MAX_DEPTH) {
            throw ApiException.badInput(path, "The rule tree is nested deeper than " + MAX_DEPTH + " levels");
        }
        List<String> given = KINDS.stream().filter(kind -> node.get(kind) != null).toList();
        List<String> unknown = node.keySet().stream().filter(key -> !KINDS.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badInput(path + "." + unknown.get(0), "Unknown rule '" + unknown.get(0) + "'; expected one of " + KINDS);
        }
        if (given.size() != 1) {
            throw ApiException.badInput(path, "A rule needs exactly one of " + String.join(", ", KINDS)
                    + (given.isEmpty() ? "; none was given" : "; got " + String.join(" and ", given)));
        }
        String kind = given.get(0);
        String at = path + "." + kind;
        Object value = node.get(kind);
        return switch (kind) {
            case "and" -> new SegmentRule.And(children(value, at, depth));
            case "or" -> new SegmentRule.Or(children(value, at, depth));
            case "not" -> new SegmentRule.Not(node(value, at, depth + 1));
            case "trait" -> trait(object(value, at), at);
            case "field" -> field(object(value, at), at);
            case "event" -> event(object(value, at), at);
            case "rfm" -> rfm(object(value, at), at);
            default -> churn(object(value, at), at);
        };
    }

    private List<SegmentRule> children(Object value, String path, int depth) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw ApiException.badInput(path, "Needs a list of at least one rule");
        }
        List<SegmentRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(node(list.get(i), path + "[" + i + "]", depth + 1));
        }
        return rules;
    }

    private static SegmentRule.JsonCondition trait(Map<String, Object> input, String path) {
        known(input, path, "trait", "operator", "value");
        return jsonCondition(text(input.get("trait"), path + ".trait"), input, path, "trait");
    }

    private static SegmentRule.JsonCondition jsonCondition(String dotted, Map<String, Object> input, String path, String name) {
        List<String> segments = Arrays.asList(dotted.split("\\.", -1));
        if (segments.size() > MAX_PATH_SEGMENTS || segments.stream().anyMatch(String::isBlank)) {
            throw ApiException.badInput(path + "." + name, "'" + dotted + "' is not a " + name
                    + " name (names joined by dots for nested values, at most " + MAX_PATH_SEGMENTS + ")");
        }
        Operator operator = operator(input, path);
        Object value = input.get("value");
        if (!operator.takesValue()) {
            noValue(value, operator, path);
            return new SegmentRule.JsonCondition(segments, operator, Optional.empty());
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw ApiException.badInput(path + ".value", operator + " needs a text, number or boolean value");
        }
        if (value instanceof String text && text.length() > MAX_TEXT) {
            throw ApiException.badInput(path + ".value", "At most " + MAX_TEXT + " characters");
        }
        if (operator.orders() && value instanceof Boolean) {
            throw ApiException.badInput(path + ".value", operator + " compares numbers or text, not a boolean");
        }
        if (value instanceof Number number) {
            value = decimal(number, path + ".value");
        }
        return new SegmentRule.JsonCondition(segments, operator, Optional.of(value));
    }

    private static SegmentRule.FieldCondition field(Map<String, Object> input, String path) {
        known(input, path, "field", "operator", "value", "daysAgo", "currency");
        ProfileField field = enumValue(ProfileField.class, input.get("field"), path + ".field");
        Operator operator = operator(input, path);
        Object value = input.get("value");
        Object daysAgo = input.get("daysAgo");
        Object currency = input.get("currency");
        if (field != ProfileField.TOTAL_REVENUE && currency != null) {
            throw ApiException.badInput(path + ".currency", "Only TOTAL_REVENUE takes a currency");
        }
        if (field != ProfileField.FIRST_SEEN && field != ProfileField.LAST_SEEN && daysAgo != null) {
            throw ApiException.badInput(path + ".daysAgo", "Only FIRST_SEEN and LAST_SEEN take daysAgo");
        }
        SegmentRule.FieldValue fieldValue = switch (field) {
            case LIFECYCLE -> {
                allowed(operator, path, Operator.EQUALS, Operator.NOT_EQUALS);
                String lifecycle = text(value, path + ".value").toUpperCase(Locale.ROOT);
                if (!List.of("ANONYMOUS", "KNOWN", "CUSTOMER").contains(lifecycle)) {
                    throw ApiException.badInput(path + ".value", "'" + value + "' is not a lifecycle (ANONYMOUS, KNOWN, CUSTOMER)");
                }
                yield new SegmentRule.FieldValue.Text(lifecycle);
            }
            case EVENT_COUNT, ORDER_COUNT -> {
                comparison(operator, path);
                yield new SegmentRule.FieldValue.Count(count(value, path + ".value"));
            }
            case TOTAL_REVENUE -> {
                comparison(operator, path);
                BigDecimal amount = decimal(number(value, path + ".value"), path + ".value");
                String code = text(currency, path + ".currency").toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z]{3}")) {
                    throw ApiException.badInput(path + ".currency", "'" + currency + "' is not an ISO 4217 currency code");
                }
                yield new SegmentRule.FieldValue.Money(amount.movePointRight(6), code);
            }
            case FIRST_SEEN, LAST_SEEN -> {
                allowed(operator, path, Operator.GREATER_THAN, Operator.GREATER_OR_EQUAL, Operator.LESS_THAN, Operator.LESS_OR_EQUAL);
                if ((value == null) == (daysAgo == null)) {
                    throw ApiException.badInput(path, field + " needs either value (a date-time) or daysAgo, not both");
                }
                yield daysAgo != null
                        ? new SegmentRule.FieldValue.DaysAgo(range(daysAgo, path + ".daysAgo", 0, MAX_WITHIN_DAYS))
                        : new SegmentRule.FieldValue.Instant(instant(value, path + ".value"));
            }
        };
        return new SegmentRule.FieldCondition(field, operator, fieldValue);
    }

    private static SegmentRule.EventCondition event(Map<String, Object> input, String path) {
        known(input, path, "name", "atLeast", "atMost", "withinDays", "property");
        String name = text(input.get("name"), path + ".name");
        long atLeast = input.get("atLeast") == null ? 1 : range(input.get("atLeast"), path + ".atLeast", 0, Integer.MAX_VALUE);
        Optional<Long> atMost = Optional.ofNullable(input.get("atMost")).map(v -> (long) range(v, path + ".atMost", 0, Integer.MAX_VALUE));
        if (atMost.isPresent() && atMost.get() < atLeast) {
            throw ApiException.badInput(path + ".atMost", "atMost (" + atMost.get() + ") is below atLeast (" + atLeast + ")");
        }
        Optional<Duration> within = Optional.ofNullable(input.get("withinDays"))
                .map(v -> Duration.ofDays(range(v, path + ".withinDays", 1, MAX_WITHIN_DAYS)));
        Optional<SegmentRule.JsonCondition> property = Optional.ofNullable(input.get("property")).map(value -> {
            String at = path + ".property";
            Map<String, Object> condition = object(value, at);
            known(condition, at, "property", "operator", "value");
            return jsonCondition(text(condition.get("property"), at + ".property"), condition, at, "property");
        });
        return new SegmentRule.EventCondition(name, atLeast, atMost, within, property);
    }

    private static SegmentRule.RfmCondition rfm(Map<String, Object> input, String path) {
        known(input, path, "groups", "recency", "frequency", "monetary");
        Set<RfmGroup> groups = EnumSet.noneOf(RfmGroup.class);
        if (input.get("groups") != null) {
            if (!(input.get("groups") instanceof List<?> list) || list.isEmpty()) {
                throw ApiException.badInput(path + ".groups", "Needs at least one RFM group when given");
            }
            for (int i = 0; i < list.size(); i++) {
                groups.add(enumValue(RfmGroup.class, list.get(i), path + ".groups[" + i + "]"));
            }
        }
        SegmentRule.RfmCondition condition = new SegmentRule.RfmCondition(groups, scores(input.get("recency"), path + ".recency"),
                scores(input.get("frequency"), path + ".frequency"), scores(input.get("monetary"), path + ".monetary"));
        if (groups.isEmpty() && condition.recency().isAny() && condition.frequency().isAny() && condition.monetary().isAny()
                && input.values().stream().allMatch(v -> v == null)) {
            throw ApiException.badInput(path, "An RFM rule needs groups or at least one score range");
        }
        return condition;
    }

    private static SegmentRule.ScoreRange scores(Object value, String path) {
        if (value == null) {
            return SegmentRule.ScoreRange.ANY;
        }
        Map<String, Object> range = object(value, path);
        known(range, path, "min", "max");
        int min = range.get("min") == null ? 1 : range(range.get("min"), path + ".min", 1, 5);
        int max = range.get("max") == null ? 5 : range(range.get("max"), path + ".max", 1, 5);
        if (max < min) {
            throw ApiException.badInput(path + ".max", "max (" + max + ") is below min (" + min + ")");
        }
        return new SegmentRule.ScoreRange(min, max);
    }

    private static SegmentRule.ChurnCondition churn(Map<String, Object> input, String path) {
        known(input, path, "atLeast", "atMost");
        if (input.get("atLeast") == null && input.get("atMost") == null) {
            throw ApiException.badInput(path, "A churn rule needs atLeast or atMost (a probability from 0 to 1)");
        }
        double atLeast = probability(input.get("atLeast"), path + ".atLeast", 0);
        double atMost = probability(input.get("atMost"), path + ".atMost", 1);
        if (atMost < atLeast) {
            throw ApiException.badInput(path + ".atMost", "atMost (" + atMost + ") is below atLeast (" + atLeast + ")");
        }
        return new SegmentRule.ChurnCondition(atLeast, atMost);
    }

    // --- values

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.badInput(path, "Needs an object");
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static void known(Map<String, Object> input, String path, String... fields) {
        List<String> allowed = List.of(fields);
        input.keySet().stream().filter(key -> !allowed.contains(key)).findFirst().ifPresent(key -> {
            throw ApiException.badInput(path + "." + key, "Unknown field '" + key + "'; expected " + allowed);
        });
    }

    private static Operator operator(Map<String, Object> input, String path) {
        return enumValue(Operator.class, input.get("operator"), path + ".operator");
    }

    private static void allowed(Operator operator, String path, Operator... allowed) {
        if (!List.of(allowed).contains(operator)) {
            throw ApiException.badInput(path + ".operator", operator + " does not apply here; use one of " + List.of(allowed));
        }
    }

    private static void comparison(Operator operator, String path) {
        allowed(operator, path, Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN, Operator.GREATER_OR_EQUAL,
                Operator.LESS_THAN, Operator.LESS_OR_EQUAL);
    }

    private static void noValue(Object value, Operator operator, String path) {
        if (value != null) {
            throw ApiException.badInput(path + ".value", operator + " takes no value");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String path) {
        String name = text(value, path);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(path, "'" + name + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String text(Object value, String path) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiException.badInput(path, "Needs a non-empty text");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.badInput(path, "At most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    private static Number number(Object value, String path) {
        if (!(value instanceof Number number)) {
            throw ApiException.badInput(path, "Needs a number");
        }
        return number;
    }

    private static BigDecimal decimal(Number number, String path) {
        try {
            BigDecimal decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
            if (decimal.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                throw ApiException.badInput(path, "At most 10^12 in size");
            }
            return decimal.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw ApiException.badInput(path, "'" + number + "' is not a finite number");
        }
    }

    private static long count(Object value, String path) {
        return range(value, path, 0, Integer.MAX_VALUE);
    }

    private static int range(Object value, String path, int min, int max) {
        Number number = number(value, path);
        BigDecimal decimal = decimal(number, path);
        if (decimal.scale() > 0 || decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiException.badInput(path, "Needs a whole number from " + min + " to " + max + ", got " + number);
        }
        return decimal.intValueExact();
    }

    private static double probability(Object value, String path, double absent) {
        if (value == null) {
            return absent;
        }
        double probability = number(value, path).doubleValue();
        if (!(probability >= 0 && probability <= 1)) {
            throw ApiException.badInput(path, "Needs a probability from 0 to 1, got " + value);
        }
        return probability;
    }

    private static Instant instant(Object value, String path) {
        if (value instanceof Instant instant) {
            return instant;
        }
        try {
            return OffsetDateTime.parse(text(value, path)).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(path, "'" + value + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-25T08:00:00Z");
        }
    }
}
