package ai.stratum.sandbox.meta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Graph API {@code fields} parameter: names separated by commas, each with an optional
 * sub-selection in braces, for example {@code id,name,web{event_name,event_match_quality}}.
 * Keeps the order asked for.
 */
final class Fields {

    private final Map<String, Fields> selected;

    private Fields(Map<String, Fields> selected) {
        this.selected = Collections.unmodifiableMap(selected);
    }

    /** @return the selection of a request's {@code fields}, or the node's default when it has none */
    static Fields of(Optional<String> parameter, String defaults) {
        return parse(parameter.filter(text -> !text.isBlank()).orElse(defaults));
    }

    /**
     * @param text a {@code fields} value
     * @return its selection
     * @throws GraphException Meta's syntax error when the braces do not balance
     */
    static Fields parse(String text) {
        int[] position = {0};
        Fields fields = parseList(text, position, 0);
        if (position[0] != text.length()) {
            throw syntaxError(text, position[0]);
        }
        return fields;
    }

    /** @return the names selected, in order */
    Set<String> names() {
        return selected.keySet();
    }

    boolean has(String name) {
        return selected.containsKey(name);
    }

    /** @return the sub-selection of a field; empty when it was named without braces */
    Fields sub(String name) {
        return selected.getOrDefault(name, new Fields(Map.of()));
    }

    boolean isEmpty() {
        return selected.isEmpty();
    }

    private static Fields parseList(String text, int[] position, int depth) {
        Map<String, Fields> selected = new LinkedHashMap<>();
        StringBuilder name = new StringBuilder();
        while (position[0] < text.length()) {
            char c = text.charAt(position[0]);
            if (c == ',') {
                add(selected, name, new Fields(Map.of()));
                position[0]++;
            } else if (c == '{') {
                position[0]++;
                Fields sub = parseList(text, position, depth + 1);
                if (position[0] >= text.length() || text.charAt(position[0]) != '}' || name.toString().isBlank()) {
                    throw syntaxError(text, position[0]);
                }
                position[0]++;
                add(selected, name, sub);
                if (position[0] < text.length() && text.charAt(position[0]) == ',') {
                    position[0]++;
                }
            } else if (c == '}') {
                if (depth == 0) {
                    throw syntaxError(text, position[0]);
                }
                add(selected, name, new Fields(Map.of()));
                return new Fields(selected);
            } else {
                name.append(c);
                position[0]++;
            }
        }
        add(selected, name, new Fields(Map.of()));
        return new Fields(selected);
    }

    private static void add(Map<String, Fields> selected, StringBuilder name, Fields sub) {
        String field = name.toString().trim();
        name.setLength(0);
        if (!field.isEmpty()) {
            selected.putIfAbsent(field, sub);
        }
    }

    private static GraphException syntaxError(String text, int at) {
        return GraphErrors.syntaxError("Unbalanced braces", at, text);
    }
}
