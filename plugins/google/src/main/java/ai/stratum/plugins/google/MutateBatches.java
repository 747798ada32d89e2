package ai.stratum.plugins.google;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends operations to a {@code :mutate} endpoint in requests of at most
 * {@link #MAX_OPERATIONS_PER_REQUEST} operations (Google's limit per mutate request), one after
 * the other, recording each answer. A failed request fails the whole call; the operations are
 * absolute targets, so the host's retry of the action re-applies those already applied harmlessly.
 */
final class MutateBatches {

    /** Google Ads accepts at most 10,000 operations in one mutate request. */
    static final int MAX_OPERATIONS_PER_REQUEST = 10_000;

    private MutateBatches() {
    }

    /**
     * @param client     the client of the call
     * @param customer   the account
     * @param resource   the collection, for example {@code campaigns}
     * @param operations the operations, possibly none
     * @param log        where each raw answer goes
     * @return done when every request succeeded
     */
    static CompletionStage<Void> send(GoogleAdsClient client, CustomerId customer, String resource,
                                      List<ObjectNode> operations, ActionLog log) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (int from = 0; from < operations.size(); from += MAX_OPERATIONS_PER_REQUEST) {
            List<ObjectNode> batch = operations.subList(from, Math.min(operations.size(), from + MAX_OPERATIONS_PER_REQUEST));
            String body = MutateOperations.request(batch);
            // absolute targets: sending a batch twice leaves the same state, so the host may retry it
            chain = chain.thenCompose(ignored -> client.post(client.urls().mutate(customer, resource), body, true))
                    .thenAccept(response -> log.record(response.body()));
        }
        return chain;
    }
}
