package ai.stratum.plugin.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the platform answered to an executed action; the host stores it as the action's result.
 *
 * @param idempotencyKey the key of the request
 * @param rawResponses   the platform's response bodies, as received, one per platform call in the
 *                       order made; never containing tokens
 * @param completedAt    when the last platform call answered, by the context's clock
 */
public record ActionResult(String idempotencyKey, List<String> rawResponses, Instant completedAt) {

    /**
     * Creates an action result.
     *
     * @param idempotencyKey the key of the request
     * @param rawResponses the platform's response bodies, as received, one per platform call in the order made; never containing tokens
     * @param completedAt when the last platform call answered, by the context's clock
     */
    public ActionResult {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(completedAt, "completedAt");
        rawResponses = List.copyOf(rawResponses);
    }
}
