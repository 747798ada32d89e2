package ai.stratum.server.ml.eventquality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a platform format found in an event: values mapped onto match keys, other values worth
 * checking, and structural problems (a field that should hold an object and does not).
 */
final class EventFields {

    /**
     * One value to check.
     *
     * @param key            the match key it counts for; null for a value that is checked but not scored
     * @param path           where it is in the event
     * @param value          the JSON value: text, a number, a boolean, an object, a list, or null
     * @param check          what a valid value looks like
     * @param numbersAllowed whether a JSON number is a valid form (ids some platforms take as numbers)
     */
    record Value(MatchKey key, String path, Object value, ValueCheck check, boolean numbersAllowed) {
    }

    private final List<Value> values = new ArrayList<>();
    private final List<InvalidField> structural = new ArrayList<>();

    /** Adds a value, or each element of a list of values, that counts for a match key. */
    void scored(MatchKey key, String path, Object node, ValueCheck check) {
        add(Objects.requireNonNull(key, "key"), path, node, check, false);
    }

    /** Like {@link #scored}, for ids the platform also takes as JSON numbers. */
    void scoredIdentifier(MatchKey key, String path, Object node, ValueCheck check) {
        add(Objects.requireNonNull(key, "key"), path, node, check, true);
    }

    /** Adds a value, or each element of a list of values, that is checked but not scored. */
    void checked(String path, Object node, ValueCheck check) {
        add(null, path, node, check, false);
    }

    /** Records a field whose value has the wrong JSON type to hold what it should. */
    void wrongType(String path, String reason) {
        structural.add(new InvalidField(path, reason));
    }

    /**
     * @param node the event or a part of it
     * @param path its path, for the problem when it is not an object
     * @return the node as an object, or null when it is missing (then nothing is reported) or not an
     *         object (then that is reported)
     */
    Map<?, ?> object(Object node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        wrongType(path, "must be an object, was " + JsonTypes.nameOf(node));
        return null;
    }

    /**
     * @return the node as a list, or null when it is missing or not a list (then that is reported)
     */
    List<?> list(Object node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof List<?> list) {
            return list;
        }
        wrongType(path, "must be an array, was " + JsonTypes.nameOf(node));
        return null;
    }

    List<Value> values() {
        return values;
    }

    List<InvalidField> structural() {
        return structural;
    }

    private void add(MatchKey key, String path, Object node, ValueCheck check, boolean numbersAllowed) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                values.add(new Value(key, path + "[" + i + "]", list.get(i), check, numbersAllowed));
            }
        } else if (node != null) {
            values.add(new Value(key, path, node, check, numbersAllowed));
        }
    }
}
