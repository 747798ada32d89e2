package ai.stratum.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * An action Stratum decided to take on one ad account, already cleared by the trust gate.
 *
 * <p>The changes always fit the type: budget types carry {@link Change.SetBudget}, bid types
 * {@link Change.SetBid}, {@link ActionType#UPDATE_STATUS} {@link Change.SetStatus},
 * {@link ActionType#PAUSE_UNDERPERFORMING} a {@code SetStatus(PAUSED)} per entity, and
 * {@link ActionType#PAUSE_ALL} a single {@code SetStatus(PAUSED)} on the {@link EntityType#ACCOUNT}.
 *
 * @param idempotencyKey identifies this action; the host sends a retry with the same key
 * @param accountId      the platform's ad account id
 * @param type           what Stratum means to do
 * @param changes        the entities and their target states, at least one
 */
public record ActionRequest(String idempotencyKey, String accountId, ActionType type, List<EntityChange> changes) {

    /**
     * Creates an action request, checking that the changes fit the type.
     *
     * @param idempotencyKey identifies this action; the host sends a retry with the same key
     * @param accountId the platform's ad account id
     * @param type what Stratum means to do
     * @param changes the entities and their target states, at least one
     * @throws IllegalArgumentException when the key is blank, there is no change, or a change does not fit the type
     */
    public ActionRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        changes = List.copyOf(changes);
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotency key must not be blank");
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException(type + " needs at least one change");
        }
        for (EntityChange change : changes) {
            requireFits(type, accountId, change);
        }
        if (type == ActionType.PAUSE_ALL && changes.size() != 1) {
            throw new IllegalArgumentException("PAUSE_ALL takes exactly one change, on the account");
        }
    }

    private static void requireFits(ActionType type, String accountId, EntityChange entityChange) {
        Change change = entityChange.change();
        boolean fits = switch (type) {
            case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET -> change instanceof Change.SetBudget
                    && entityChange.entityType() != EntityType.ACCOUNT;
            case UPDATE_BID, INCREASE_BID, REDUCE_BID -> change instanceof Change.SetBid
                    && entityChange.entityType() != EntityType.ACCOUNT;
            case UPDATE_STATUS -> change instanceof Change.SetStatus
                    && entityChange.entityType() != EntityType.ACCOUNT;
            case PAUSE_UNDERPERFORMING -> isPause(change) && entityChange.entityType() != EntityType.ACCOUNT;
            case PAUSE_ALL -> isPause(change) && entityChange.entityType() == EntityType.ACCOUNT
                    && entityChange.entityId().equals(accountId);
        };
        if (!fits) {
            throw new IllegalArgumentException(type + " cannot carry " + change + " on "
                    + entityChange.entityType() + " " + entityChange.entityId());
        }
    }

    private static boolean isPause(Change change) {
        return change instanceof Change.SetStatus status && status.status() == EntityStatus.PAUSED;
    }
}
