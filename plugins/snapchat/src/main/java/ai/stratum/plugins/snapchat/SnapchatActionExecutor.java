package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.EntityChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Applies budget, bid and status changes through Snap's update endpoints.
 *
 * <ul>
 *   <li>Budget, bid and status actions, and PAUSE_UNDERPERFORMING: each entity is read and put back
 *       whole with the one field changed ({@link EntityUpdater}, fields in {@link EntityChanges}).
 *       A change Snap cannot make on that entity (a bid on a campaign, a budget on an ad, archiving) is
 *       rejected before any call. When a change carries money, the account is read first and an amount
 *       in another currency is rejected.</li>
 *   <li>PAUSE_ALL: every active campaign of the account is paused ({@link CampaignPauser}).</li>
 * </ul>
 *
 * <p>Idempotency: Snap's Marketing API takes no idempotency key, so none is sent. Every request sets
 * absolute values on full objects, so a retry with the same key writes the same objects again and
 * changes nothing more. Changes are applied one after another; if one fails the stage fails and the
 * host's retry re-applies the earlier ones harmlessly. The result holds the body of every Snap answer
 * (reads and writes) in the order the calls were made.
 */
@Extension
public class SnapchatActionExecutor implements ActionExecutor {

    @Override
    public String connectorId() {
        return SnapchatPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<ActionResult> execute(ConnectorContext context, ActionRequest request) {
        return Stages.guarded(() -> {
            SnapchatApi api = new SnapchatApi(context);
            List<String> responses = Collections.synchronizedList(new ArrayList<>());
            CompletionStage<Void> done = request.type() == ActionType.PAUSE_ALL
                    ? new CampaignPauser(api, responses).pauseActive(request.accountId())
                    : applyChanges(api, request, responses);
            return done.thenApply(ignored ->
                    new ActionResult(request.idempotencyKey(), List.copyOf(responses), context.clock().instant()));
        });
    }

    private static CompletionStage<Void> applyChanges(SnapchatApi api, ActionRequest request, List<String> responses) {
        for (EntityChange change : request.changes()) {
            EntityChanges.check(EntityKind.of(change.entityType()), change.change());
        }
        boolean carriesMoney = request.changes().stream().anyMatch(change -> EntityChanges.carriesMoney(change.change()));
        CompletionStage<String> currency = carriesMoney
                ? AdAccount.fetch(api, request.accountId()).thenApply(account -> {
                    responses.add(account.body());
                    return account.currency();
                })
                : CompletableFuture.completedFuture(null);
        EntityUpdater updater = new EntityUpdater(api, responses);
        return currency.thenCompose(code -> {
            CompletionStage<Void> done = CompletableFuture.completedFuture(null);
            for (EntityChange change : request.changes()) {
                done = done.thenCompose(ignored -> updater.update(EntityKind.of(change.entityType()),
                        change.entityId(), change.change(), code, request.accountId()));
            }
            return done;
        });
    }
}
