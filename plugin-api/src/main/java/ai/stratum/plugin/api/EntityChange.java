package ai.stratum.plugin.api;

import java.util.Objects;

/**
 * One entity and the state it should be in.
 *
 * @param entityType the level of the entity
 * @param entityId   the platform's id of the entity (the account id for {@link EntityType#ACCOUNT})
 * @param change     the target state
 */
public record EntityChange(EntityType entityType, String entityId, Change change) {

    /**
     * Creates an entity change.
     *
     * @param entityType the level of the entity
     * @param entityId the platform's id of the entity (the account id for {@link EntityType#ACCOUNT})
     * @param change the target state
     */
    public EntityChange {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(change, "change");
    }
}
