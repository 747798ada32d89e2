package ai.stratum.server.ml.eventquality;

import java.util.List;
import java.util.Map;

/** JSON type names of parsed values, for messages. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String nameOf(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
