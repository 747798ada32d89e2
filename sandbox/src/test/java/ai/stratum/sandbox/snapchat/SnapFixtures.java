package ai.stratum.sandbox.snapchat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Snapchat plugin's wire fixtures — recorded and documented Snap answers — which the emulator's
 * answers must match in shape. They live with the plugin (the reference the emulator is held to), so
 * they are read from the plugin's test resources in the same checkout.
 */
final class SnapFixtures {

    private static final Path FIXTURES = Path.of("plugins", "snapchat", "src", "test", "resources", "fixtures");

    private SnapFixtures() {
    }

    static JsonNode read(String name) {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve(FIXTURES))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("the Snapchat plugin's fixtures are not in this checkout: " + FIXTURES);
        }
        try {
            return SnapSandbox.json(Files.readString(root.resolve(FIXTURES).resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that every field of the fixture's object is in the emulator's, with the same JSON type
     * (whole numbers where the fixture has whole numbers), recursively; arrays by their first element.
     *
     * @param ignored fields of the fixture the emulator answers otherwise, on purpose
     */
    static void assertSameShape(JsonNode fixture, JsonNode emulated, Set<String> ignored, String where) {
        assertThat(emulated.getNodeType()).as("type of %s", where).isEqualTo(fixture.getNodeType());
        assertThat(emulated.isIntegralNumber()).as("whole number at %s", where).isEqualTo(fixture.isIntegralNumber());
        if (fixture.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = fixture.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (ignored.contains(field.getKey())) {
                    continue;
                }
                String path = where + "." + field.getKey();
                assertThat(emulated.has(field.getKey())).as("%s is present", path).isTrue();
                assertSameShape(field.getValue(), emulated.get(field.getKey()), ignored, path);
            }
        } else if (fixture.isArray() && !fixture.isEmpty()) {
            assertThat(emulated).as("%s is not empty", where).isNotEmpty();
            assertSameShape(fixture.get(0), emulated.get(0), ignored, where + "[0]");
        }
    }
}
