package ai.stratum.sandbox.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change a simulated platform applied, for tests to assert on what a plugin did.
 *
 * @param at             when
 * @param accountId      the account
 * @param entityId       the campaign or ad set changed
 * @param change         what changed, for example {@code daily_budget=40000000}
 * @param idempotencyKey the key the request carried, when the platform's API takes one
 */
public record Mutation(Instant at, String accountId, String entityId, String change, Optional<String> idempotencyKey) {

    public Mutation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
