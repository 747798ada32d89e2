package ai.stratum.sandbox.meta;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares the JSON shape of an answer with a fixture's: the same field names, each of the same JSON type. */
final class Shapes {

    private Shapes() {
    }

    /**
     * Objects must have the same field names; arrays' elements must each have the shape of the
     * fixture's first element; values must be of the same JSON type (a string stays a string).
     */
    static void assertSameShape(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual.getNodeType()).as("JSON type of %s", path).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            assertThat(names(actual)).as("fields of %s", path).isEqualTo(names(expected));
            expected.fieldNames().forEachRemaining(name -> assertSameShape(actual.get(name), expected.get(name),
                    path + "." + name));
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                assertSameShape(actual.get(i), expected.get(0), path + "[" + i + "]");
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
