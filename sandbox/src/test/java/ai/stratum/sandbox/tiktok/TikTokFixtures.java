package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TikTok plugin's wire fixtures, the reference for what the emulator answers, read from the
 * plugin's test resources in the same repository, and the shape of a JSON answer: each field's
 * path and JSON type, array elements merged.
 */
final class TikTokFixtures {

    private static final Path FIXTURES = Path.of("plugins", "tiktok", "src", "test", "resources", "fixtures");

    private TikTokFixtures() {
    }

    /** @return a fixture, for example {@code tiktok-doc/campaign.get.page1.json} */
    static JsonNode read(String name) {
        // tests run in the sandbox module's directory; an IDE may run them from the repository's
        for (Path root : new Path[] {Path.of("..").resolve(FIXTURES), FIXTURES}) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Json.read(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no TikTok fixture " + name + " under " + FIXTURES.toAbsolutePath());
    }

    /** @return every field's path and JSON type, for example {@code data.list[].budget -> NUMBER} */
    static Map<String, String> shape(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        collect("", node, shape);
        return shape;
    }

    private static void collect(String path, JsonNode node, Map<String, String> shape) {
        if (node.isObject()) {
            shape.put(path.isEmpty() ? "$" : path, "OBJECT");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), shape);
            }
        } else if (node.isArray()) {
            shape.put(path, "ARRAY");
            node.forEach(element -> collect(path + "[]", element, shape));
        } else {
            // an integral and a decimal JSON number are both numbers to a client
            shape.put(path, node.isNumber() ? "NUMBER" : node.getNodeType().name());
        }
    }
}
