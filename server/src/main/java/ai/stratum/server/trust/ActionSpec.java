package ai.stratum.server.trust;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ActionInput}, checked: the entity is named, and the parameters are exactly what the action
 * type needs ({@code budgetMicros}, {@code bidMicros} or {@code status}), so nothing malformed is
 * ever stored or sent to a platform.
 */
public record ActionSpec(Platform platform, String accountId, EntityType entityType, String entityId, ActionType actionType,
                         Map<String, Object> parameters, Optional<String> idempotencyKey) {

    private static final Set<String> STATUSES = Set.of("ACTIVE", "PAUSED");
    /** The actions that act on a whole account; every other one names a campaign, ad set or ad. */
    private static final Set<ActionType> ACCOUNT_ACTIONS = Set.of(ActionType.PAUSE_ALL, ActionType.EMERGENCY_STOP,
            ActionType.LAUNCH_NEW_CAMPAIGNS);

    public ActionSpec {
        parameters = Map.copyOf(parameters);
    }

    public static ActionSpec from(String field, Map<String, Object> input) {
        Platform platform = Platform.valueOf((String) input.get("platform"));
        String accountId = identifier(field + ".accountId", (String) input.get("accountId"));
        EntityType entityType = EntityType.valueOf((String) input.get("entityType"));
        String entityId = identifier(field + ".entityId", (String) input.get("entityId"));
        ActionType actionType = ActionType.valueOf((String) input.get("actionType"));
        Map<String, Object> parameters = parameters(field + ".parameters", actionType, input.get("parameters"));
        Optional<String> key = Optional.ofNullable((String) input.get("idempotencyKey")).map(String::strip);
        key.ifPresent(value -> {
            if (value.isEmpty() || value.length() > 200) {
                throw ApiException.badInput(field + ".idempotencyKey", "idempotencyKey must be 1 to 200 characters");
            }
        });
        if ((actionType == ActionType.PAUSE_ALL || actionType == ActionType.EMERGENCY_STOP) && entityType != EntityType.ACCOUNT) {
            throw ApiException.badInput(field + ".entityType", actionType + " acts on the ACCOUNT, not on " + entityType);
        }
        if (entityType == EntityType.ACCOUNT && !ACCOUNT_ACTIONS.contains(actionType)) {
            throw ApiException.badInput(field + ".entityType", actionType + " does not act on an ACCOUNT");
        }
        if (actionType == ActionType.PAUSE_ALL && !entityId.equals(accountId)) {
            throw ApiException.badInput(field + ".entityId", "PAUSE_ALL's entityId is the account id " + accountId);
        }
        return new ActionSpec(platform, accountId, entityType, entityId, actionType, parameters, key);
    }

    private static String identifier(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badInput(field, field.substring(field.lastIndexOf('.') + 1) + " must be 1 to 100 printable characters");
        }
        return trimmed;
    }

    private static Map<String, Object> parameters(String field, ActionType type, Object value) {
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw ApiException.badInput(field, "parameters must be a JSON object");
        }
        Map<?, ?> given = value == null ? Map.of() : (Map<?, ?>) value;
        Map<String, Object> checked = new LinkedHashMap<>();
        switch (type) {
            case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET -> checked.put("budgetMicros", positiveMicros(field + ".budgetMicros",
                    given.get("budgetMicros")));
            case UPDATE_BID, INCREASE_BID, REDUCE_BID -> checked.put("bidMicros", positiveMicros(field + ".bidMicros",
                    given.get("bidMicros")));
            case UPDATE_STATUS -> {
                Object status = given.get("status");
                if (!(status instanceof String text) || !STATUSES.contains(text)) {
                    throw ApiException.badInput(field + ".status", "status must be ACTIVE or PAUSED");
                }
                checked.put("status", status);
            }
            default -> {
                // the other actions take no parameters
            }
        }
        for (Object key : given.keySet()) {
            if (!checked.containsKey(key)) {
                throw ApiException.badInput(field + "." + key, type + " takes no parameter '" + key + "'");
            }
        }
        return checked;
    }

    private static long positiveMicros(String field, Object value) {
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw ApiException.badInput(field, field.substring(field.lastIndexOf('.') + 1)
                    + " is required: a whole number of micro-units of the account currency (1 USD = 1000000)");
        }
        long micros = number.longValue();
        if (micros <= 0) {
            throw ApiException.badInput(field, field.substring(field.lastIndexOf('.') + 1) + " must be positive (was " + micros + ")");
        }
        return micros;
    }
}
