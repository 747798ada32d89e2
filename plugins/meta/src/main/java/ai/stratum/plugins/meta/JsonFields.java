package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Graph API JSON. Meta sends most numbers as strings ({@code "spend":"437.29"}) and some as
 * JSON numbers ({@code "num_received":2}), so every reader accepts both; anything else is a
 * {@link ConnectorException.Failure#MALFORMED_RESPONSE}, never a silent default.
 */
final class JsonFields {

    /** Floats are read as BigDecimal, so a decimal amount sent as a JSON number stays exact. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private JsonFields() {
    }

    /**
     * @param body a response body
     * @param what what the body should be, for the error message
     * @return the body's JSON object
     */
    static JsonNode parseObject(String body, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.malformedResponse("Meta sent " + what + " that is not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw ConnectorException.malformedResponse("Meta sent " + what + " that is not a JSON object", null);
        }
        return node;
    }

    /** @return the field's text; malformed when absent, null or not a string */
    static String requiredText(JsonNode node, String field, String what) {
        return optionalText(node, field, what).orElseThrow(() -> malformed(what + " has no " + field));
    }

    /** @return the field's text, empty when absent or null; malformed when present but not a string */
    static Optional<String> optionalText(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw malformed(what + " has a " + field + " that is not a string");
        }
        return Optional.of(value.asText());
    }

    /** @return the field as a whole number, from a JSON integer or a numeric string; empty when absent */
    static Optional<Long> optionalLong(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual() && INTEGER.matcher(value.asText()).matches()) {
            try {
                return Optional.of(Long.parseLong(value.asText()));
            } catch (NumberFormatException e) {
                throw malformed(what + " has a " + field + " too large for a whole number");
            }
        }
        throw malformed(what + " has a " + field + " that is not a whole number: " + value);
    }

    /** @return the field as a whole number; malformed when absent */
    static long requiredLong(JsonNode node, String field, String what) {
        return optionalLong(node, field, what).orElseThrow(() -> malformed(what + " has no " + field));
    }

    /** @return the field's decimal text (from a string or a JSON number), empty when absent */
    static Optional<String> optionalDecimal(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue().toPlainString());
        }
        if (value.isTextual()) {
            return Optional.of(value.asText());
        }
        throw malformed(what + " has a " + field + " that is not a number: " + value);
    }

    /** @return the field as an array; an empty array when absent; malformed when not an array */
    static JsonNode optionalArray(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw malformed(what + " has a " + field + " that is not a list");
        }
        return value;
    }

    /** @return the field as an array; malformed when absent or not an array */
    static JsonNode requiredArray(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw malformed(what + " has no " + field + " list");
        }
        return value;
    }

    static ConnectorException malformed(String message) {
        return ConnectorException.malformedResponse(message, null);
    }
}
