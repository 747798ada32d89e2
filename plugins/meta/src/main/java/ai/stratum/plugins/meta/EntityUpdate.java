package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityType;
import java.util.Map;

/**
 * One Graph API update, {@code POST /{id}} with form fields, as Meta's Marketing API takes it:
 * <ul>
 *   <li>a budget on a campaign or ad set: {@code daily_budget} or {@code lifetime_budget} in the
 *       account currency's minor unit (a campaign with budgets on its ad sets refuses this, and
 *       Meta says so);</li>
 *   <li>a bid on an ad set: {@code bid_amount} in minor units. Meta campaigns and ads have no bid
 *       of their own, so a bid on them is refused here;</li>
 *   <li>a status on a campaign, ad set or ad: {@code status} = {@code ACTIVE}, {@code PAUSED},
 *       {@code ARCHIVED} or {@code DELETED}.</li>
 * </ul>
 * Every field is an absolute target, so sending an update twice leaves the same state. Meta's
 * update endpoints take no idempotency key; the absolute targets are what keeps a retry harmless.
 *
 * @param entityId the Graph id of the campaign, ad set or ad
 * @param form     the fields to post
 */
record EntityUpdate(String entityId, Map<String, String> form) {

    /**
     * @param change a change of an action request
     * @return the update that applies it
     * @throws ConnectorException rejected when Meta cannot change that entity that way
     */
    static EntityUpdate of(EntityChange change) {
        String id = GraphIds.node(change.entityId());
        EntityType type = change.entityType();
        if (change.change() instanceof Change.SetBudget budget) {
            requireOneOf(type, "a budget", "Meta sets budgets on campaigns and ad sets", EntityType.CAMPAIGN,
                    EntityType.ADSET);
            String field = budget.period() == BudgetPeriod.DAILY ? "daily_budget" : "lifetime_budget";
            return new EntityUpdate(id, Map.of(field, MetaMoney.toMinorUnits(budget.amount())));
        }
        if (change.change() instanceof Change.SetBid bid) {
            requireOneOf(type, "a bid", "Meta campaigns and ads have no bid; bids (bid_amount) are set on ad sets",
                    EntityType.ADSET);
            return new EntityUpdate(id, Map.of("bid_amount", MetaMoney.toMinorUnits(bid.amount())));
        }
        if (change.change() instanceof Change.SetStatus status) {
            requireOneOf(type, "a status", "Meta sets statuses on campaigns, ad sets and ads", EntityType.CAMPAIGN,
                    EntityType.ADSET, EntityType.AD);
            return new EntityUpdate(id, Map.of("status", MetaStatus.toMeta(status.status())));
        }
        throw ConnectorException.rejected("Meta cannot apply " + change.change(), null);
    }

    /** @return the answer's body, once it says {@code {"success":true}} */
    static String requireSuccess(GraphResponse answer, String entityId) {
        if (!answer.json().path("success").isBoolean()) {
            throw JsonFields.malformed("Meta's answer to the update of " + entityId + " has no success flag");
        }
        if (!answer.json().path("success").asBoolean()) {
            throw ConnectorException.rejected("Meta did not apply the update of " + entityId + ": " + answer.body(),
                    null);
        }
        return answer.body();
    }

    private static void requireOneOf(EntityType type, String what, String why, EntityType... allowed) {
        for (EntityType candidate : allowed) {
            if (candidate == type) {
                return;
            }
        }
        throw ConnectorException.rejected("cannot set " + what + " on a Meta " + type + ": " + why, null);
    }
}
