package ai.stratum.sandbox.google;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A parsed Google Ads Query Language query, before its fields and values are checked:
 * {@code SELECT fields FROM resource [WHERE condition {AND condition}] [ORDER BY field [ASC|DESC], …]
 * [LIMIT n] [PARAMETERS name = value, …]}.
 *
 * @param select     the selected fields, in order
 * @param from       the resource queried
 * @param where      the conditions, all of which must hold
 * @param orderBy    the orderings, most significant first
 * @param limit      the row limit
 * @param parameters the PARAMETERS clause, by lower-case name
 */
record GaqlQuery(List<String> select, String from, List<Condition> where, List<Ordering> orderBy, OptionalLong limit,
                 Map<String, String> parameters) {

    /**
     * One condition, for example {@code segments.date BETWEEN '2026-09-01' AND '2026-09-14'}.
     *
     * @param field    the field
     * @param operator upper case: {@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=},
     *                 {@code IN}, {@code NOT IN}, {@code LIKE}, {@code NOT LIKE}, {@code BETWEEN},
     *                 {@code DURING}, {@code IS NULL}, {@code IS NOT NULL}
     * @param values   the right-hand values (two for BETWEEN, none for IS NULL)
     */
    record Condition(String field, String operator, List<Value> values) {
    }

    /**
     * A literal of a condition.
     *
     * @param type what kind of literal
     * @param text its text, unquoted
     */
    record Value(Type type, String text) {
    }

    /** The kinds of literal. */
    enum Type { STRING, NUMBER, WORD }

    /**
     * @param field      the field
     * @param descending whether DESC
     */
    record Ordering(String field, boolean descending) {
    }
}
