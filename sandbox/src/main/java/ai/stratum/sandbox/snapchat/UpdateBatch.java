package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A Snap update request — {@code PUT} of full objects, {@code {"<things>": [{…}, …]}} — and its answer:
 * one entry per object in the order sent, each {@code SUCCESS} with the object as it now is, or
 * {@code ERROR} with Snap's reason. Each object is applied or refused on its own, as Snap's batch
 * writes are: the answer is HTTP 200 and its {@code request_status} is {@code ERROR} when any object
 * was refused.
 */
final class UpdateBatch {

    /** Snap's code for a property value it does not take. */
    static final String INVALID_PROPERTY = "E2002";
    /** Snap's code for an entity it does not know. */
    static final String NOT_FOUND = "E3003";

    private UpdateBatch() {
    }

    /** @throws SnapRefusal when the body is not {@code {"<plural>": [objects]}} */
    static List<ObjectNode> objects(ApiRequest request, String plural) {
        JsonNode body = Json.read(request.body().isBlank() ? "null" : request.body());
        JsonNode list = body == null ? null : body.get(plural);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw SnapRefusal.invalid("The request body must hold a non-empty \"" + plural + "\" array");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw SnapRefusal.invalid("Every element of \"" + plural + "\" must be an object");
            }
            objects.add((ObjectNode) item);
        }
        return objects;
    }

    static ApiResponse answer(String plural, List<ObjectNode> entries) {
        boolean allApplied = entries.stream()
                .allMatch(entry -> SnapResponses.SUCCESS.equals(entry.path("sub_request_status").asText()));
        ObjectNode root = SnapResponses.head(allApplied ? SnapResponses.SUCCESS : SnapResponses.ERROR);
        ArrayNode items = root.putArray(plural);
        entries.forEach(items::add);
        return SnapResponses.ok(root);
    }

    static ObjectNode applied(String singular, ObjectNode entity) {
        ObjectNode entry = Json.object().put("sub_request_status", SnapResponses.SUCCESS);
        entry.set(singular, entity);
        return entry;
    }

    /** An object Snap refuses, with its error code and message. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        static Refused notFound() {
            return new Refused(NOT_FOUND, "Resource can not be found");
        }

        static Refused property(String detail) {
            return new Refused(INVALID_PROPERTY, "Property value is not allowed : [" + detail + "]");
        }

        ObjectNode entry() {
            return SnapResponses.subRequestError(code, getMessage());
        }
    }

    /** @return the text of a required attribute */
    static String text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw Refused.property(field + " is required");
        }
        return value.asText();
    }

    /** @return a required micro-currency amount: a non-negative whole number */
    static long micros(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw Refused.property(field + " must be a non-negative whole number of micro-currency units");
        }
        return value.asLong();
    }

    /** Refuses an attribute the simulation cannot hold, unless it is absent or null. */
    static void notSimulated(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && !value.isNull()) {
            throw Refused.property(field + " is not simulated by the sandbox");
        }
    }

    static void requireEqual(String field, String sent, String current, String why) {
        if (!sent.equals(current)) {
            throw Refused.property(field + " " + sent + " differs from " + current + ": " + why);
        }
    }
}
