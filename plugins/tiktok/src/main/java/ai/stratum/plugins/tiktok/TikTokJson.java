package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * The plugin's one JSON mapper. Decimal numbers are read as {@link java.math.BigDecimal}, never
 * as {@code double}: TikTok writes budgets as JSON numbers ({@code "budget": 350.0}), and money
 * must stay exact from the wire to {@link ai.stratum.plugin.api.Money}.
 */
final class TikTokJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TikTokJson() {
    }

    /** @return the tree of a JSON text, or a MALFORMED_RESPONSE failure naming what was being read */
    static JsonNode parse(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw ConnectorException.malformedResponse("TikTok sent an empty body for " + what, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ConnectorException.malformedResponse("TikTok sent a body that is not JSON for " + what, e);
        }
    }

    /** @return a new, empty JSON object */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a JSON array of the strings */
    static ArrayNode array(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** @return the compact JSON text of a node, as TikTok wants JSON arrays in query parameters */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}
