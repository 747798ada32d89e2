package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;

import java.util.List;
import java.util.Optional;

/**
 * Turns a stored action into the plugin API's {@link ActionRequest}: the type it is carried out
 * as, and the absolute target of its entity. {@link ai.stratum.server.trust.ActionSpec} keeps a
 * budget or bid as {@code budgetMicros} / {@code bidMicros} and a status as {@code status}; the
 * budget's period and the currency come from the synced campaign, since an amount means nothing
 * without them.
 */
final class ActionRequests {

    private ActionRequests() {
    }

    /**
     * What is known of the action's target from the synced campaigns.
     *
     * @param budgetPeriod the campaign's budget period, when the entity is a synced campaign with a budget
     * @param currency     the account's currency, when any of its campaigns was synced
     */
    record Target(Optional<BudgetPeriod> budgetPeriod, Optional<String> currency) {
    }

    /** The request, or why there is none. */
    sealed interface Translation {
        record Request(ActionRequest request) implements Translation {
        }

        record Refused(String reason) implements Translation {
        }
    }

    static Translation of(StoredAction action, Target target) {
        ai.stratum.plugin.api.ActionType type = action.actionType().executable().orElse(null);
        if (type == null) {
            return new Translation.Refused(action.actionType() + " has no platform action a plugin can carry out");
        }
        Change change;
        switch (type) {
            case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET -> {
                Optional<Long> micros = micros(action, "budgetMicros");
                if (micros.isEmpty()) {
                    return new Translation.Refused(action.actionType() + " carries no budgetMicros");
                }
                if (target.budgetPeriod().isEmpty() || target.currency().isEmpty()) {
                    return new Translation.Refused("The budget of " + action.entityType() + " " + action.entityId()
                            + " is not known (its period and currency come from a synced campaign with a budget); sync the account first");
                }
                change = new Change.SetBudget(target.budgetPeriod().get(), new Money(micros.get(), target.currency().get()));
            }
            case UPDATE_BID, INCREASE_BID, REDUCE_BID -> {
                Optional<Long> micros = micros(action, "bidMicros");
                if (micros.isEmpty()) {
                    return new Translation.Refused(action.actionType() + " carries no bidMicros");
                }
                if (target.currency().isEmpty()) {
                    return new Translation.Refused("The currency of account " + action.accountId() + " is not known; sync the account first");
                }
                change = new Change.SetBid(new Money(micros.get(), target.currency().get()));
            }
            case UPDATE_STATUS -> {
                Object status = action.parameters().get("status");
                if (!"ACTIVE".equals(status) && !"PAUSED".equals(status)) {
                    return new Translation.Refused("UPDATE_STATUS carries no status ACTIVE or PAUSED");
                }
                change = new Change.SetStatus(EntityStatus.valueOf((String) status));
            }
            default -> change = new Change.SetStatus(EntityStatus.PAUSED);
        }
        // EMERGENCY_STOP and PAUSE_ALL act on the account; ActionSpec has already made the entity the account
        EntityType entityType = type == ai.stratum.plugin.api.ActionType.PAUSE_ALL ? EntityType.ACCOUNT : action.entityType();
        String entityId = type == ai.stratum.plugin.api.ActionType.PAUSE_ALL ? action.accountId() : action.entityId();
        try {
            return new Translation.Request(new ActionRequest(action.idempotencyKey(), action.accountId(), type,
                    List.of(new EntityChange(entityType, entityId, change))));
        } catch (IllegalArgumentException e) {
            return new Translation.Refused("The action cannot be sent to the platform: " + e.getMessage());
        }
    }

    private static Optional<Long> micros(StoredAction action, String name) {
        Object value = action.parameters().get(name);
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }
}
