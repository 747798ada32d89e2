package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an action's changes into TikTok writes, checking every change before any is sent so that
 * a request TikTok cannot apply is refused whole rather than half applied:
 * <ul>
 *   <li>campaign budget: {@code POST campaign/update} {@code {advertiser_id, campaign_id, budget,
 *       budget_mode}} with {@code BUDGET_MODE_DAY} or {@code BUDGET_MODE_TOTAL};</li>
 *   <li>ad group budget: {@code POST adgroup/update} {@code {advertiser_id, adgroup_id, budget}};
 *       TikTok does not change an ad group's budget mode on update, so the amount applies to the
 *       ad group's own daily or lifetime budget;</li>
 *   <li>ad group bid: {@code POST adgroup/update} {@code {advertiser_id, adgroup_id, bid_price}},
 *       the Bid Cap or Cost Cap amount; campaigns and ads carry no bid on TikTok;</li>
 *   <li>status: {@code POST campaign/status/update}, {@code adgroup/status/update} or
 *       {@code ad/status/update} with {@code operation_status} {@code ENABLE}, {@code DISABLE} or
 *       {@code DELETE}, at most {@value #MAX_IDS_PER_STATUS_CALL} ids per call (TikTok's limit),
 *       grouped by level and target status in request order; TikTok has no archived state.</li>
 * </ul>
 * Ads have no budget on TikTok. (The SPI never sends account-level budgets, bids or statuses
 * except PAUSE_ALL, which {@link TikTokActionExecutor} plans from the listed campaigns.)
 */
final class ActionPlanner {

    /** TikTok's limit of ids in one status update ({@code 1-20}). */
    static final int MAX_IDS_PER_STATUS_CALL = 20;

    private ActionPlanner() {
    }

    /** Plans budget, bid and status actions; PAUSE_ALL is planned by {@link #pauseCampaigns} once listed. */
    static List<MutationCall> plan(ActionRequest request) {
        String advertiserId = request.accountId();
        return switch (request.type()) {
            case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET ->
                    request.changes().stream().map(change -> budget(advertiserId, change)).toList();
            case UPDATE_BID, INCREASE_BID, REDUCE_BID ->
                    request.changes().stream().map(change -> bid(advertiserId, change)).toList();
            case UPDATE_STATUS, PAUSE_UNDERPERFORMING -> statuses(advertiserId, request.changes());
            case PAUSE_ALL -> throw new IllegalArgumentException("PAUSE_ALL is planned from the listed campaigns");
        };
    }

    /** Pauses the campaigns, {@value #MAX_IDS_PER_STATUS_CALL} per call. */
    static List<MutationCall> pauseCampaigns(String advertiserId, List<String> campaignIds) {
        return statusCalls(advertiserId, EntityType.CAMPAIGN, "DISABLE", campaignIds);
    }

    /** @return the amounts of money the changes set, to check against the advertiser's currency */
    static List<Money> amounts(ActionRequest request) {
        List<Money> amounts = new ArrayList<>();
        for (EntityChange change : request.changes()) {
            if (change.change() instanceof Change.SetBudget budget) {
                amounts.add(budget.amount());
            } else if (change.change() instanceof Change.SetBid bid) {
                amounts.add(bid.amount());
            }
        }
        return amounts;
    }

    private static MutationCall budget(String advertiserId, EntityChange change) {
        Change.SetBudget budget = (Change.SetBudget) change.change();
        ObjectNode body = TikTokJson.object().put("advertiser_id", advertiserId);
        return switch (change.entityType()) {
            case CAMPAIGN -> new MutationCall("campaign/update", body
                    .put("campaign_id", change.entityId())
                    .put("budget", TikTokMoney.decimal(budget.amount()))
                    .put("budget_mode", budget.period() == BudgetPeriod.DAILY ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL"));
            case ADSET -> new MutationCall("adgroup/update", body
                    .put("adgroup_id", change.entityId())
                    .put("budget", TikTokMoney.decimal(budget.amount())));
            case AD, ACCOUNT -> throw refused("this plugin sets budgets on TikTok campaigns and ad groups only, not on "
                    + change.entityType().name().toLowerCase() + " " + change.entityId());
        };
    }

    private static MutationCall bid(String advertiserId, EntityChange change) {
        if (change.entityType() != EntityType.ADSET) {
            throw refused("TikTok bids sit on ad groups only; cannot set a bid on "
                    + change.entityType().name().toLowerCase() + " " + change.entityId());
        }
        Change.SetBid bid = (Change.SetBid) change.change();
        return new MutationCall("adgroup/update", TikTokJson.object()
                .put("advertiser_id", advertiserId)
                .put("adgroup_id", change.entityId())
                .put("bid_price", TikTokMoney.decimal(bid.amount())));
    }

    private static List<MutationCall> statuses(String advertiserId, List<EntityChange> changes) {
        record Group(EntityType level, String operationStatus) {
        }
        Map<Group, List<String>> groups = new LinkedHashMap<>();
        for (EntityChange change : changes) {
            EntityStatus status = ((Change.SetStatus) change.change()).status();
            groups.computeIfAbsent(new Group(change.entityType(), operationStatus(status, change)), group -> new ArrayList<>())
                    .add(change.entityId());
        }
        List<MutationCall> calls = new ArrayList<>();
        groups.forEach((group, ids) -> calls.addAll(statusCalls(advertiserId, group.level(), group.operationStatus(), ids)));
        return calls;
    }

    private static String operationStatus(EntityStatus status, EntityChange change) {
        return switch (status) {
            case ACTIVE -> "ENABLE";
            case PAUSED -> "DISABLE";
            case DELETED -> "DELETE";
            case ARCHIVED -> throw refused("TikTok has no archived status; cannot archive "
                    + change.entityType().name().toLowerCase() + " " + change.entityId());
        };
    }

    private static List<MutationCall> statusCalls(String advertiserId, EntityType level, String operationStatus,
                                                  List<String> ids) {
        String path = switch (level) {
            case CAMPAIGN -> "campaign/status/update";
            case ADSET -> "adgroup/status/update";
            case AD -> "ad/status/update";
            case ACCOUNT -> throw refused("TikTok cannot change the status of an ad account through the Marketing API");
        };
        String idsField = switch (level) {
            case CAMPAIGN -> "campaign_ids";
            case ADSET -> "adgroup_ids";
            default -> "ad_ids";
        };
        List<MutationCall> calls = new ArrayList<>();
        for (List<String> batch : Batches.of(ids, MAX_IDS_PER_STATUS_CALL)) {
            ObjectNode body = TikTokJson.object().put("advertiser_id", advertiserId);
            body.set(idsField, TikTokJson.array(batch));
            body.put("operation_status", operationStatus);
            calls.add(new MutationCall(path, body));
        }
        return calls;
    }

    private static ConnectorException refused(String message) {
        return ConnectorException.rejected(message, null);
    }
}
