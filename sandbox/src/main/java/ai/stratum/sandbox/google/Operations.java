package ai.stratum.sandbox.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the parts of mutate operations ({@code create}, {@code update} with {@code updateMask},
 * {@code remove}) and their values the way Google does: int64 as a JSON string or number, enums
 * as their names, {@code updateMask} as a comma-separated list of lowerCamelCase field names.
 */
final class Operations {

    private Operations() {
    }

    /**
     * An update operation.
     *
     * @param resourceName the resource changed
     * @param fields       the object of new values
     * @param mask         the fields to change, lowerCamelCase
     */
    record Update(String resourceName, JsonNode fields, List<String> mask) {
    }

    /**
     * A checked operation, ready to apply.
     *
     * @param key         the resource it changes (two operations on one resource are refused), or
     *                    null for a create
     * @param apply       applies it and returns the resource name of the result
     * @param resultField the field a MUTABLE_RESOURCE result holds the resource in, for example {@code campaign}
     * @param resource    the resource as it is after the change, for a MUTABLE_RESOURCE result
     */
    record Planned(String key, Supplier<String> apply, String resultField, Supplier<ObjectNode> resource) {
    }

    /** Checks one operation of a mutate request. */
    @FunctionalInterface
    interface Mutator {
        /**
         * @param call      the request
         * @param operation the operation's JSON
         * @param index     its index, for payload error paths
         * @return the operation, checked
         * @throws OperationError when Google refuses it
         */
        Planned plan(GoogleCall call, JsonNode operation, int index);
    }

    static Update update(JsonNode operation) {
        JsonNode fields = operation.path("update");
        JsonNode name = fields.path("resourceName");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new OperationError("requestError", "RESOURCE_NAME_MISSING", "Resource name is required for this request.",
                    "update", "resource_name");
        }
        JsonNode mask = operation.path("updateMask");
        if (!mask.isTextual() || mask.asText().isBlank()) {
            throw new OperationError("fieldMaskError", "FIELD_MASK_MISSING", "The field mask must be provided for update "
                    + "operations.", "update_mask");
        }
        return new Update(name.asText(), fields, Arrays.stream(mask.asText().split(",")).map(String::trim).toList());
    }

    /** @return the resource name of a remove operation */
    static String remove(JsonNode operation) {
        JsonNode name = operation.path("remove");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new OperationError("requestError", "RESOURCE_NAME_MISSING", "Resource name is required for this request.",
                    "remove");
        }
        return name.asText();
    }

    /** @throws OperationError when the operation has none of create, update and remove */
    static void requireOne(JsonNode operation) {
        if (!operation.isObject() || !(operation.has("create") || operation.has("update") || operation.has("remove"))) {
            throw new OperationError("requestError", "OPERATION_REQUIRED", "Mutate operation should have either create, "
                    + "update, or remove specified.");
        }
    }

    /** @return the int64 at the field; refuses a missing one (an update would clear it) and a malformed one */
    static long int64(JsonNode fields, String field, String path) {
        JsonNode value = fields.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new OperationError("requestError", "REQUIRED_FIELD_MISSING", "Required field was not set.",
                    "update", snake(field));
        }
        if (value.isTextual() && value.asText().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(value.asText());
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        throw new PayloadError(path, "Invalid value at '" + path + "' (TYPE_INT64), " + value);
    }

    /** @return the enum name at the field; refuses a missing one and a name the enum does not have */
    static String enumValue(JsonNode fields, String field, Set<String> values, String enumType, String path) {
        JsonNode value = fields.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new OperationError("requestError", "REQUIRED_FIELD_MISSING", "Required field was not set.",
                    "update", snake(field));
        }
        if (!value.isTextual() || !values.contains(value.asText())) {
            throw new PayloadError(path, "Invalid value at '" + path + "' (type.googleapis.com/google.ads.googleads."
                    + GoogleRoutes.VERSION + ".enums." + enumType + "), " + value);
        }
        return value.asText();
    }

    /** @return micros in the account's smallest currency unit (10,000 for USD, 1,000,000 for JPY) */
    static long currencyUnitMicros(GoogleCall call) {
        int digits = Math.max(0, Currency.getInstance(call.account().currency()).getDefaultFractionDigits());
        long unit = 1_000_000L;
        for (int i = 0; i < digits; i++) {
            unit /= 10;
        }
        return unit;
    }

    /** @return {@code amountMicros} as the proto field name {@code amount_micros} */
    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** @throws OperationError for a masked field the resource has but the emulator does not change */
    static OperationError unchangeable(String resource, String field) {
        String name = resource + "." + snake(field);
        if (GoogleFields.find(name).isPresent()) {
            return new OperationError("mutateError", "MUTATE_NOT_ALLOWED", "The sandbox does not simulate changes to "
                    + name + ".", "update_mask");
        }
        return new OperationError("fieldMaskError", "FIELD_NOT_FOUND", "The field mask contained an invalid field: '"
                + field + "'.", "update_mask");
    }
}
