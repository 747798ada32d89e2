package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads and writes the JSON of the Google Ads REST interface. Floating-point numbers are read as
 * {@link BigDecimal} with the exact digits Google sent, so no amount ever passes through
 * {@code double}. Every shape violation becomes {@link ConnectorException.Failure#MALFORMED_RESPONSE}.
 *
 * <p>Google's JSON follows the proto3 mapping: int64 values arrive as strings, doubles as numbers,
 * and fields holding their default value may be left out.
 */
final class GoogleJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GoogleJson() {
    }

    /**
     * @param body a response body
     * @param what what the body should be, for the error message
     * @return the parsed body
     * @throws ConnectorException malformed when the body is not JSON
     */
    static JsonNode parse(String body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ConnectorException.malformedResponse(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @return a new empty JSON object */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return the node as compact JSON text */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * @return the text at the path (dots between names), which must be present and a string
     * @throws ConnectorException malformed when absent or not text
     */
    static String requiredText(JsonNode node, String path, String what) {
        return optionalText(node, path, what)
                .orElseThrow(() -> malformed(what + " has no " + path));
    }

    /**
     * @return the text at the path, or empty when absent
     * @throws ConnectorException malformed when present but not text
     */
    static Optional<String> optionalText(JsonNode node, String path, String what) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw malformed(what + " has a non-text " + path + ": " + value);
        }
        return Optional.of(value.textValue());
    }

    /**
     * Reads an int64, which Google writes as a decimal string (also accepting a JSON integer).
     *
     * @return the value, or empty when absent (the proto3 default, zero, may be left out)
     * @throws ConnectorException malformed when present but not an integer
     */
    static Optional<Long> optionalInt64(JsonNode node, String path, String what) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            if (value.isTextual()) {
                return Optional.of(Long.parseLong(value.textValue()));
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return Optional.of(value.longValue());
            }
        } catch (NumberFormatException e) {
            throw ConnectorException.malformedResponse(what + " has a non-integer " + path + ": " + value, e);
        }
        throw malformed(what + " has a non-integer " + path + ": " + value);
    }

    /**
     * Reads a double as the exact decimal Google wrote.
     *
     * @return the value, or empty when absent
     * @throws ConnectorException malformed when present but not a number
     */
    static Optional<BigDecimal> optionalDecimal(JsonNode node, String path, String what) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw malformed(what + " has a non-numeric " + path + ": " + value);
        }
        return Optional.of(value.decimalValue());
    }

    /** @return the node at a dotted path, or a missing node */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String name : path.split("\\.")) {
            current = current.isArray() && name.matches("[0-9]+") ? current.path(Integer.parseInt(name)) : current.path(name);
        }
        return current;
    }

    /**
     * @return the {@code YYYY-MM-DD} day at the path
     * @throws ConnectorException malformed when absent or not a day
     */
    static LocalDate requiredDate(JsonNode node, String path, String what) {
        String day = requiredText(node, path, what);
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ConnectorException.malformedResponse("Google Ads: " + what + " has a " + path + " that is not a day: "
                    + day, e);
        }
    }

    static ConnectorException malformed(String message) {
        return ConnectorException.malformedResponse("Google Ads: " + message, null);
    }
}
