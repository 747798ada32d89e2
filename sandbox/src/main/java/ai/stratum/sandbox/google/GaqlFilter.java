package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.GoogleFields.Field;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checked WHERE condition with typed values ({@link java.time.LocalDate} for dates, BigDecimal for
 * numbers, Boolean, String for text, enums and resource names), tested against a row's value. A
 * field a row does not set matches only {@code IS NULL} and the negations ({@code !=},
 * {@code NOT IN}, {@code NOT LIKE}). DURING is resolved to its two days when compiled, and tests
 * as BETWEEN.
 *
 * @param field    the field
 * @param operator the operator, upper case
 * @param values   the typed values
 */
record GaqlFilter(Field field, String operator, List<Object> values) {

    GaqlFilter {
        values = List.copyOf(values);
    }

    boolean test(Object actual) {
        if (actual == null) {
            return switch (operator) {
                case "IS NULL", "!=", "NOT IN", "NOT LIKE" -> true;
                default -> false;
            };
        }
        return switch (operator) {
            case "=" -> compare(actual, values.get(0)) == 0;
            case "!=" -> compare(actual, values.get(0)) != 0;
            case ">" -> compare(actual, values.get(0)) > 0;
            case ">=" -> compare(actual, values.get(0)) >= 0;
            case "<" -> compare(actual, values.get(0)) < 0;
            case "<=" -> compare(actual, values.get(0)) <= 0;
            case "IN" -> values.stream().anyMatch(value -> compare(actual, value) == 0);
            case "NOT IN" -> values.stream().noneMatch(value -> compare(actual, value) == 0);
            case "BETWEEN", "DURING" -> compare(actual, values.get(0)) >= 0 && compare(actual, values.get(1)) <= 0;
            case "LIKE" -> like((String) values.get(0)).matcher(actual.toString()).matches();
            case "NOT LIKE" -> !like((String) values.get(0)).matcher(actual.toString()).matches();
            case "IS NULL" -> false;
            case "IS NOT NULL" -> true;
            default -> throw new IllegalStateException("unchecked operator " + operator);
        };
    }

    /** Orders two values of one field: numbers by value, the rest naturally. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return decimal(a).compareTo(decimal(b));
        }
        return ((Comparable) left).compareTo(right);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
    }

    /** GAQL LIKE: {@code %} any run, {@code _} one character, {@code \%} and {@code \_} themselves. */
    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
