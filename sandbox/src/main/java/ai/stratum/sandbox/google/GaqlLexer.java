package ai.stratum.sandbox.google;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a GAQL query into tokens: words (keywords, field names and literals such as
 * {@code ENABLED}, dots included), numbers, quoted strings (single or double quotes, backslash
 * escapes, no newline) and the symbols {@code , ( ) = != < <= > >=}.
 */
final class GaqlLexer {

    /**
     * A token.
     *
     * @param kind     what it is
     * @param text     its text; strings unquoted and unescaped
     * @param position where it starts in the query
     */
    record Token(Kind kind, String text, int position) {

        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /** Token kinds. */
    enum Kind { WORD, NUMBER, STRING, SYMBOL }

    private GaqlLexer() {
    }

    static List<Token> tokens(String query) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = string(query, i, tokens);
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < query.length() && Character.isDigit(query.charAt(i + 1)))) {
                int start = i++;
                while (i < query.length() && (Character.isDigit(query.charAt(i)) || query.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, query.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_'
                        || query.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, query.substring(start, i), start));
            } else if ("<>!".indexOf(c) >= 0 && i + 1 < query.length() && query.charAt(i + 1) == '=') {
                tokens.add(new Token(Kind.SYMBOL, query.substring(i, i + 2), i));
                i += 2;
            } else if (",()=<>".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw new GaqlException("BAD_SYMBOL", "Error in query: unexpected symbol '" + c + "' at position " + i + ".");
            }
        }
        return tokens;
    }

    private static int string(String query, int start, List<Token> tokens) {
        char quote = query.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new GaqlException("PROHIBITED_NEWLINE_IN_STRING", "Error in query: a string has a newline.");
            }
            if (c == '\\') {
                if (i + 1 >= query.length()) {
                    break;
                }
                char escaped = query.charAt(i + 1);
                if ("\\'\"%_".indexOf(escaped) < 0) {
                    throw new GaqlException("BAD_ESCAPE_SEQUENCE", "Error in query: invalid escape sequence \\" + escaped + ".");
                }
                text.append(escaped == '%' || escaped == '_' ? "\\" + escaped : String.valueOf(escaped));
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Kind.STRING, text.toString(), start));
                return i + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        throw new GaqlException("STRING_NOT_TERMINATED", "Error in query: unterminated string at position " + start + ".");
    }
}
