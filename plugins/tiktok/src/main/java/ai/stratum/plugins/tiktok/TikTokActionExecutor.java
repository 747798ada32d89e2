package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Applies budget, bid and status actions through TikTok's update endpoints ({@link ActionPlanner}
 * lists them), one call after the other; the result holds every response body in call order.
 *
 * <p>Idempotency: TikTok's update endpoints take no request or idempotency id (the bodies of
 * {@code campaign/update}, {@code campaign/status/update}, {@code adgroup/update} and the status
 * updates of ad groups and ads have no such field), so the key is not sent. Every call sets an
 * absolute target (a budget of this amount, a status of DISABLE), so a repeat after a failure or a
 * crash leaves the account as one execution would.
 *
 * <p>Budget and bid actions first read the advertiser's currency and refuse amounts in another
 * currency: TikTok takes bare decimals, so a mismatch would silently set a wrong amount.
 * PAUSE_ALL lists every campaign, then disables those active at that moment.
 */
@Extension
public class TikTokActionExecutor implements ActionExecutor {

    @Override
    public String connectorId() {
        return TikTokPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<ActionResult> execute(ConnectorContext context, ActionRequest request) {
        return Stages.attempt(() -> {
            TikTokApi api = new TikTokApi(context);
            CompletionStage<List<String>> bodies = switch (request.type()) {
                case PAUSE_ALL -> pauseAll(api, request.accountId());
                case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET, UPDATE_BID, INCREASE_BID, REDUCE_BID ->
                        inAccountCurrency(api, request, ActionPlanner.plan(request));
                case UPDATE_STATUS, PAUSE_UNDERPERFORMING -> run(api, ActionPlanner.plan(request), List.of());
            };
            return bodies.thenApply(raw -> {
                context.telemetry().count("tiktok.action.calls", raw.size(), Map.of("type", request.type().name()));
                return new ActionResult(request.idempotencyKey(), raw, context.clock().instant());
            });
        });
    }

    private static CompletionStage<List<String>> pauseAll(TikTokApi api, String advertiserId) {
        return ActiveCampaigns.list(api, advertiserId).thenCompose(listed ->
                run(api, ActionPlanner.pauseCampaigns(advertiserId, listed.ids()), listed.rawBodies()));
    }

    private static CompletionStage<List<String>> inAccountCurrency(TikTokApi api, ActionRequest request,
                                                                   List<MutationCall> calls) {
        return api.get(AdvertiserInfo.PATH, AdvertiserInfo.query(request.accountId())).thenCompose(reply -> {
            String currency = AdvertiserInfo.parse(reply.data(), request.accountId()).currency();
            for (Money amount : ActionPlanner.amounts(request)) {
                if (!amount.currency().equals(currency)) {
                    throw ConnectorException.rejected(request.type() + " sets an amount in " + amount.currency()
                            + " but TikTok advertiser " + request.accountId() + " is billed in " + currency, null);
                }
            }
            return run(api, calls, List.of(reply.rawBody()));
        });
    }

    private static CompletionStage<List<String>> run(TikTokApi api, List<MutationCall> calls, List<String> before) {
        return Stages.sequentially(calls, call -> api.post(call.path(), call.body()).thenApply(TikTokReply::rawBody))
                .thenApply(after -> {
                    List<String> all = new ArrayList<>(before);
                    all.addAll(after);
                    return all;
                });
    }
}
