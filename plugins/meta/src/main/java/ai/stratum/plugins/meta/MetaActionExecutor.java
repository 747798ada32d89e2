package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Applies budget, bid and status changes through Meta's update endpoint, {@code POST /v25.0/{id}}
 * with form fields ({@link EntityUpdate}), one call per entity, in the request's order.
 * {@link ActionType#PAUSE_ALL} lists the account's active campaigns ({@link ActiveCampaigns}) and
 * pauses each. Every change is checked before the first call, so a request Meta cannot apply
 * fails whole, with nothing sent. The result holds every answer Meta gave, listing pages
 * included, in the order of the calls.
 */
@Extension
public class MetaActionExecutor implements ActionExecutor {

    @Override
    public String connectorId() {
        return MetaPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<ActionResult> execute(ConnectorContext context, ActionRequest request) {
        return Stages.defer(() -> {
            GraphClient client = GraphClient.api(context);
            GraphUrls urls = GraphUrls.of(context);
            List<String> answers = new ArrayList<>();
            CompletionStage<List<EntityUpdate>> updates = request.type() == ActionType.PAUSE_ALL
                    ? pauseAllUpdates(client, urls, request, answers)
                    : CompletableFuture.completedStage(request.changes().stream().map(EntityUpdate::of).toList());
            return updates
                    .thenCompose(planned -> apply(client, urls, planned, 0, answers))
                    .thenApply(done -> {
                        context.telemetry().log(Telemetry.Level.INFO, "action.applied", Map.of(
                                "type", request.type().name(), "idempotency_key", request.idempotencyKey(),
                                "calls", Integer.toString(answers.size())));
                        return new ActionResult(request.idempotencyKey(), answers, context.clock().instant());
                    });
        });
    }

    private static CompletionStage<List<EntityUpdate>> pauseAllUpdates(GraphClient client, GraphUrls urls,
            ActionRequest request, List<String> answers) {
        String account = GraphIds.adAccount(request.accountId());
        return GraphPaging.all(client, after -> urls.api(account + "/campaigns", ActiveCampaigns.query(after)),
                        "the active campaigns")
                .thenApply(pages -> {
                    pages.forEach(page -> answers.add(page.body()));
                    String paused = MetaStatus.toMeta(EntityStatus.PAUSED);
                    return ActiveCampaigns.ids(pages).stream()
                            .map(id -> new EntityUpdate(id, Map.of("status", paused)))
                            .toList();
                });
    }

    private static CompletionStage<Void> apply(GraphClient client, GraphUrls urls, List<EntityUpdate> updates,
            int index, List<String> answers) {
        if (index == updates.size()) {
            return CompletableFuture.completedStage(null);
        }
        EntityUpdate update = updates.get(index);
        // an absolute target, so the host may resend it after a timeout
        return client.post(urls.api(update.entityId(), Map.of()), update.form(), true)
                .thenCompose(answer -> {
                    answers.add(EntityUpdate.requireSuccess(answer, update.entityId()));
                    return apply(client, urls, updates, index + 1, answers);
                });
    }
}
