package ai.stratum.sandbox.google;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the shape of two JSON documents: the same field names in every object, the same JSON
 * type in every value (string, number, boolean, object, array), every element of an array shaped
 * like the expected array's first element.
 */
final class JsonShape {

    private JsonShape() {
    }

    static void assertSameShape(JsonNode expected, JsonNode actual) {
        compare(expected, actual, "$");
    }

    private static void compare(JsonNode expected, JsonNode actual, String path) {
        assertThat(actual.getNodeType()).as("type at %s", path).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            assertThat(names(actual)).as("fields at %s", path).isEqualTo(names(expected));
            expected.fields().forEachRemaining(field -> compare(field.getValue(), actual.get(field.getKey()),
                    path + "." + field.getKey()));
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(expected.get(0), actual.get(i), path + "[" + i + "]");
            }
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
