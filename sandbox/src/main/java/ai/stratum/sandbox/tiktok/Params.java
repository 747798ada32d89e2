package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of one Marketing API call, from the query of a GET (where TikTok takes JSON
 * arrays and objects as their JSON text, {@code advertiser_ids=["7001"]}) or the JSON body of a
 * POST, read with TikTok's parameter errors (return code 40002, {@code "<field>: <reason>"}).
 */
final class Params {

    private final ObjectNode fields;

    private Params(ObjectNode fields) {
        this.fields = fields;
    }

    /** @return the query's parameters, JSON texts parsed */
    static Params ofQuery(Map<String, String> query) {
        ObjectNode fields = Json.object();
        query.forEach((name, value) -> {
            String trimmed = value.trim();
            boolean json = trimmed.startsWith("[") || trimmed.startsWith("{");
            fields.set(name, json ? parseJson(name, trimmed) : JsonNodeFactory.instance.textNode(value));
        });
        return new Params(fields);
    }

    /** @return the JSON body's fields */
    static Params ofBody(String body) {
        JsonNode root = Json.read(body.isBlank() ? "{}" : body);
        if (!root.isObject()) {
            throw TikTokError.parameter("The request body must be a JSON object.");
        }
        return new Params((ObjectNode) root);
    }

    /** @return a required string; numbers pass as their digits, as TikTok takes ids either way */
    String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    /** @return an optional string */
    Optional<String> optionalText(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isIntegralNumber() ? value.bigIntegerValue().toString()
                : value.isTextual() ? value.asText() : null;
        if (text == null) {
            throw TikTokError.parameter(name + ": Not a valid string.");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** @return a whole number in the range, or the default when absent */
    int number(String name, int absent, int min, int max) {
        Optional<String> text = optionalText(name);
        if (text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw TikTokError.parameter(name + ": Not a valid integer.");
        }
        throw TikTokError.parameter(name + ": Must be greater than or equal to " + min + " and less than or equal to "
                + max + ".");
    }

    /** @return a required decimal: a JSON number, or a numeric string */
    BigDecimal decimal(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw TikTokError.parameter(name + ": Not a valid number.");
        }
    }

    /** @return a required day, {@code yyyy-MM-dd} */
    LocalDate date(String name) {
        String text = text(name);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw TikTokError.parameter(name + ": Not a valid date, use the format YYYY-MM-DD.");
        }
    }

    /** @return a required list of strings, of a length in the range */
    List<String> texts(String name, int min, int max) {
        return optionalTexts(name, min, max).orElseThrow(() -> missing(name));
    }

    /** @return an optional list of strings, of a length in the range when present */
    Optional<List<String>> optionalTexts(String name, int min, int max) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw TikTokError.parameter(name + ": Not a valid list.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() && !item.isIntegralNumber()) {
                throw TikTokError.parameter(name + ": Not a valid list of strings.");
            }
            texts.add(item.isTextual() ? item.asText() : item.bigIntegerValue().toString());
        }
        if (texts.size() < min || texts.size() > max) {
            throw TikTokError.parameter(name + ": Length must be between " + min + " and " + max + ".");
        }
        return Optional.of(List.copyOf(texts));
    }

    /** @return a JSON object parameter, such as {@code filtering}, as parameters of its own */
    Optional<Params> object(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw TikTokError.parameter(name + ": Not a valid JSON object.");
        }
        return Optional.of(new Params((ObjectNode) value));
    }

    /** @return the names of the parameters sent */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** @return whether the parameter was sent */
    boolean has(String name) {
        JsonNode value = fields.get(name);
        return value != null && !value.isNull();
    }

    private static JsonNode parseJson(String name, String text) {
        try {
            return Json.read(text);
        } catch (Json.BadRequest e) {
            throw TikTokError.parameter(name + ": Not a valid JSON string.");
        }
    }

    private static TikTokError missing(String name) {
        return TikTokError.parameter(name + ": Missing data for required field.");
    }
}
