package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Snap's JSON strictly: a field that is missing or of the wrong type is a
 * {@link ConnectorException.Failure#MALFORMED_RESPONSE}, never a default, so a sync never writes
 * figures it guessed.
 */
final class SnapJson {

    /** The one mapper of the plugin; thread-safe once configured. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SnapJson() {
    }

    static ObjectNode parseObject(String body, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.malformedResponse("Snapchat " + what + " is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(what, "the body is not a JSON object");
        }
        return (ObjectNode) root;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static String text(JsonNode node, String field, String what) {
        return optionalText(node, field).orElseThrow(() -> malformed(what, field + " is missing or not text"));
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    static long nonNegativeLong(JsonNode node, String field, String what) {
        return optionalNonNegativeLong(node, field, what)
                .orElseThrow(() -> malformed(what, field + " is missing"));
    }

    /** An optional whole number; present but fractional, textual or negative is malformed. */
    static OptionalLong optionalNonNegativeLong(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw malformed(what, field + " is not a non-negative whole number: " + value);
        }
        return OptionalLong.of(value.asLong());
    }

    static ArrayNode array(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw malformed(what, field + " is missing or not an array");
        }
        return (ArrayNode) value;
    }

    static ObjectNode object(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw malformed(what, field + " is missing or not an object");
        }
        return (ObjectNode) value;
    }

    /** An ISO-8601 date-time with offset, as Snap writes every time ({@code 2026-09-15T00:00:00.000-07:00}). */
    static OffsetDateTime dateTime(String value, String field, String what) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ConnectorException.malformedResponse("Snapchat " + what + ": " + field
                    + " is not an ISO-8601 date-time: " + value, e);
        }
    }

    static Optional<Instant> optionalInstant(JsonNode node, String field, String what) {
        return optionalText(node, field).map(value -> dateTime(value, field, what).toInstant());
    }

    static ConnectorException malformed(String what, String detail) {
        return ConnectorException.malformedResponse("Snapchat " + what + ": " + detail, null);
    }
}
