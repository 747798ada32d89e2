package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes campaigns and ad sets with the fields asked for. A simulated campaign has a campaign
 * budget (CBO): {@code daily_budget} in minor units and {@code lifetime_budget} {@code "0"}, both
 * numeric strings. Its one ad set carries the bid: {@code bid_amount}, minor units as a JSON number,
 * and no budget of its own. {@code status} and {@code configured_status} are the setting,
 * {@code effective_status} what delivers ({@code CAMPAIGN_PAUSED} for an active ad set of a paused
 * campaign). Without {@code fields} Graph gives {@code id} alone.
 */
final class CampaignNodes {

    private CampaignNodes() {
    }

    static ObjectNode campaign(SimulatedAccount account, SimulatedCampaign campaign, Fields fields) {
        ObjectNode node = Json.object();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", campaign.id());
                case "account_id" -> node.put("account_id", Nodes.accountDigits(account));
                case "name" -> node.put("name", campaign.profile().name());
                case "status", "configured_status", "effective_status" -> node.put(field, campaign.status().name());
                case "objective" -> node.put("objective", MetaUnits.objective(campaign.profile().objective()));
                case "daily_budget" -> node.put("daily_budget",
                        Long.toString(MetaUnits.toMinorUnits(campaign.dailyBudgetMicros(), account.currency())));
                case "lifetime_budget" -> node.put("lifetime_budget", "0");
                case "buying_type" -> node.put("buying_type", "AUCTION");
                case "bid_strategy" -> node.put("bid_strategy", "LOWEST_COST_WITH_BID_CAP");
                case "special_ad_categories" -> node.putArray("special_ad_categories");
                case "start_time" -> node.put("start_time", MetaUnits.time(campaign.profile().startDate(), account.zone()));
                default -> throw GraphErrors.nonexistingField(field, "Campaign");
            }
        }
        return withId(node, fields, campaign.id());
    }

    static ObjectNode adSet(SimulatedAccount account, SimulatedCampaign campaign, EntityStatus status, Fields fields) {
        ObjectNode node = Json.object();
        String id = campaign.profile().adSetId();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", id);
                case "account_id" -> node.put("account_id", Nodes.accountDigits(account));
                case "campaign_id" -> node.put("campaign_id", campaign.id());
                case "name" -> node.put("name", adSetName(campaign));
                case "status", "configured_status" -> node.put(field, status.name());
                case "effective_status" -> node.put(field, effectiveStatus(campaign, status));
                case "bid_amount" -> node.put("bid_amount", MetaUnits.toMinorUnits(campaign.bidMicros(), account.currency()));
                case "bid_strategy" -> node.put("bid_strategy", "LOWEST_COST_WITH_BID_CAP");
                case "billing_event" -> node.put("billing_event", "IMPRESSIONS");
                case "optimization_goal" -> node.put("optimization_goal",
                        MetaUnits.optimizationGoal(campaign.profile().objective()));
                default -> throw GraphErrors.nonexistingField(field, "AdSet");
            }
        }
        return withId(node, fields, id);
    }

    /** @return the value a campaign filter compares, by its field name */
    static String filterValue(SimulatedCampaign campaign, String field) {
        return switch (field) {
            case "id", "campaign.id" -> campaign.id();
            case "name", "campaign.name" -> campaign.profile().name();
            case "objective", "campaign.objective" -> MetaUnits.objective(campaign.profile().objective());
            case "status", "configured_status", "effective_status", "campaign.effective_status" -> campaign.status().name();
            default -> throw new IllegalArgumentException("not a campaign filter field: " + field);
        };
    }

    /** @return the ad set's name: the campaign's, as one-ad-set campaigns are often named */
    static String adSetName(SimulatedCampaign campaign) {
        return campaign.profile().name() + " - Ad set";
    }

    private static String effectiveStatus(SimulatedCampaign campaign, EntityStatus status) {
        if (status == EntityStatus.ACTIVE && campaign.status() != EntityStatus.ACTIVE) {
            return "CAMPAIGN_PAUSED";
        }
        return status.name();
    }

    private static ObjectNode withId(ObjectNode node, Fields fields, String id) {
        if (!fields.has("id")) {
            node.put("id", id);
        }
        return node;
    }
}
