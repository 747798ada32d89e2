package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.GaqlLexer.Kind;
import ai.stratum.sandbox.google.GaqlLexer.Token;
import ai.stratum.sandbox.google.GaqlQuery.Condition;
import ai.stratum.sandbox.google.GaqlQuery.Ordering;
import ai.stratum.sandbox.google.GaqlQuery.Type;
import ai.stratum.sandbox.google.GaqlQuery.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Parses GAQL by its grammar (clauses in order, keywords in any case), refusing what Google
 * refuses with its {@code queryError} values: a missing SELECT, FROM or BY, an unknown operator,
 * an empty list, a bad LIMIT, anything left over. Field names and values are checked later,
 * against the resource queried ({@link QueryCompiler}).
 */
final class GaqlParser {

    private final List<Token> tokens;
    private int next;

    private GaqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static GaqlQuery parse(String query) {
        return new GaqlParser(GaqlLexer.tokens(query)).query();
    }

    private GaqlQuery query() {
        if (!accept("SELECT")) {
            throw new GaqlException("EXPECTED_SELECT", "Error in query: SELECT is missing at the beginning of the query.");
        }
        List<String> select = new ArrayList<>();
        do {
            select.add(word("a field name"));
        } while (acceptSymbol(","));
        if (!accept("FROM")) {
            throw new GaqlException("EXPECTED_FROM", "Error in query: the FROM clause is missing.");
        }
        String from = word("a resource name");
        List<Condition> where = new ArrayList<>();
        if (accept("WHERE")) {
            do {
                where.add(condition());
            } while (accept("AND"));
        }
        List<Ordering> orderBy = new ArrayList<>();
        if (accept("ORDER")) {
            if (!accept("BY")) {
                throw new GaqlException("EXPECTED_BY", "Error in query: ORDER must be followed by BY.");
            }
            do {
                String field = word("a field name");
                boolean descending = accept("DESC");
                if (!descending) {
                    accept("ASC");
                }
                orderBy.add(new Ordering(field, descending));
            } while (acceptSymbol(","));
        }
        OptionalLong limit = accept("LIMIT") ? OptionalLong.of(limit()) : OptionalLong.empty();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (accept("PARAMETERS")) {
            do {
                String name = word("a parameter name").toLowerCase(Locale.ROOT);
                expectSymbol("=");
                parameters.put(name, take("a parameter value").text());
            } while (acceptSymbol(","));
        }
        if (next < tokens.size()) {
            throw new GaqlException("UNEXPECTED_INPUT", "Error in query: unexpected input " + tokens.get(next).text() + ".");
        }
        return new GaqlQuery(select, from, where, orderBy, limit, parameters);
    }

    private Condition condition() {
        String field = word("a field name");
        String operator = operator();
        List<Value> values = switch (operator) {
            case "IS NULL", "IS NOT NULL" -> List.of();
            case "IN", "NOT IN" -> list();
            case "BETWEEN" -> {
                Value from = value();
                if (!accept("AND")) {
                    throw new GaqlException("EXPECTED_AND", "Error in query: BETWEEN needs AND between its values.");
                }
                yield List.of(from, value());
            }
            default -> List.of(value());
        };
        return new Condition(field, operator, values);
    }

    private String operator() {
        Token token = take("an operator");
        if (token.kind() == Kind.SYMBOL && List.of("=", "!=", ">", ">=", "<", "<=").contains(token.text())) {
            return token.text();
        }
        String word = token.kind() == Kind.WORD ? token.text().toUpperCase(Locale.ROOT) : "";
        switch (word) {
            case "IN", "LIKE", "BETWEEN", "DURING" -> {
                return word;
            }
            case "NOT" -> {
                if (accept("IN")) {
                    return "NOT IN";
                }
                if (accept("LIKE")) {
                    return "NOT LIKE";
                }
            }
            case "IS" -> {
                boolean not = accept("NOT");
                if (accept("NULL")) {
                    return not ? "IS NOT NULL" : "IS NULL";
                }
            }
            default -> {
            }
        }
        throw new GaqlException("BAD_OPERATOR", "Error in query: invalid operator " + token.text() + ".");
    }

    private List<Value> list() {
        if (!acceptSymbol("(")) {
            throw new GaqlException("EXPECTED_LIST", "Error in query: the operator needs a list of values.");
        }
        List<Value> values = new ArrayList<>();
        if (acceptSymbol(")")) {
            throw new GaqlException("PROHIBITED_EMPTY_LIST_IN_CONDITION", "Error in query: a condition has an empty list.");
        }
        do {
            values.add(value());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return values;
    }

    private Value value() {
        Token token = take("a value");
        return switch (token.kind()) {
            case STRING -> new Value(Type.STRING, token.text());
            case NUMBER -> new Value(Type.NUMBER, token.text());
            case WORD -> new Value(Type.WORD, token.text());
            case SYMBOL -> {
                if (token.text().equals("(")) {
                    throw new GaqlException("EXPECTED_SINGLE_VALUE", "Error in query: the operator takes one value, not a list.");
                }
                throw new GaqlException("UNEXPECTED_INPUT", "Error in query: unexpected input " + token.text() + ".");
            }
        };
    }

    private long limit() {
        Token token = take("a limit");
        if (token.kind() != Kind.NUMBER || !token.text().matches("-?[0-9]{1,18}")) {
            throw new GaqlException("BAD_LIMIT_VALUE", "Error in query: invalid LIMIT value " + token.text() + ".");
        }
        long limit = Long.parseLong(token.text());
        if (limit < 1) {
            throw new GaqlException("LIMIT_VALUE_TOO_LOW", "Error in query: LIMIT must be at least 1.");
        }
        return limit;
    }

    private String word(String what) {
        Token token = take(what);
        if (token.kind() != Kind.WORD) {
            throw new GaqlException("UNEXPECTED_INPUT", "Error in query: expected " + what + ", found " + token.text() + ".");
        }
        return token.text();
    }

    private Token take(String what) {
        if (next >= tokens.size()) {
            throw new GaqlException("UNEXPECTED_END_OF_QUERY", "Error in query: the query ends where " + what
                    + " was expected.");
        }
        return tokens.get(next++);
    }

    private boolean accept(String keyword) {
        if (next < tokens.size() && tokens.get(next).isWord(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (next < tokens.size() && tokens.get(next).isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw new GaqlException("UNEXPECTED_INPUT", "Error in query: expected " + symbol + ".");
        }
    }
}
