package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import org.pf4j.Extension;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies actions through Google Ads {@code :mutate} endpoints: budgets ({@link BudgetChanges}),
 * ad group bids ({@link BidChanges}), statuses and PAUSE_ALL ({@link StatusChanges}).
 *
 * <p>Idempotency: Google Ads mutate has no idempotency key (its {@code requestId} is a response
 * value, not something a client can send), so none is sent. Every operation writes an absolute
 * target (an amount, a status), which makes a repeat harmless: a retry with the same key sets the
 * same values again. Mutates run with {@code partialFailure:false}, so each request applies all of
 * its operations or none. The result carries the raw body of every call made, GAQL reads included,
 * in order.
 */
@Extension
public class GoogleActionExecutor implements ActionExecutor {

    @Override
    public String connectorId() {
        return GooglePlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<ActionResult> execute(ConnectorContext context, ActionRequest request) {
        ActionLog log = new ActionLog();
        CompletionStage<Void> applied;
        try {
            ActionSteps steps = new ActionSteps(new GoogleAdsClient(context), CustomerId.of(request.accountId()), log);
            applied = switch (request.type()) {
                case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET -> BudgetChanges.apply(steps, request.changes());
                case UPDATE_BID, INCREASE_BID, REDUCE_BID -> BidChanges.apply(steps, request.changes());
                case UPDATE_STATUS, PAUSE_UNDERPERFORMING -> StatusChanges.apply(steps, request.changes());
                case PAUSE_ALL -> StatusChanges.pauseAll(steps);
            };
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
        return applied.thenApply(done -> {
            context.telemetry().count("google.actions.executed", 1, Map.of("type", request.type().name()));
            return new ActionResult(request.idempotencyKey(), log.bodies(), context.clock().instant());
        });
    }
}
