package ai.stratum.sandbox.google;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the emulated Google Ads JSON. Doubles (conversions, conversion values) are held as
 * {@link java.math.BigDecimal} and written as plain decimals ({@code 2249.51}, {@code 12}), as
 * Google's servers write them, never in exponent form and never through {@code double}.
 */
final class GoogleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private GoogleJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** @return {@code advertising_channel_type} as {@code advertisingChannelType}, the JSON name of a proto field */
    static String camel(String snake) {
        StringBuilder camel = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /** @return {@code campaign_budget.amount_micros} as {@code campaignBudget.amountMicros} */
    static String camelPath(String dotted) {
        String[] parts = dotted.split("\\.");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.length() == 0 ? "" : ".").append(camel(part));
        }
        return path.toString();
    }
}
