package ai.stratum.sandbox.snapchat;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.Objective;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The ad account, campaign and ad squad objects Snap sends, from the simulation.
 *
 * <ul>
 *   <li>Campaign: {@code id, updated_at, created_at, name, ad_account_id, status, objective_v2_properties,
 *       start_time, daily_budget_micro, buy_model, creation_state, delivery_status}, as the recorded
 *       campaign list shows them, with the objective in Snap's current form ({@code objective_v2_type}
 *       {@code SALES}, {@code TRAFFIC} or {@code AWARENESS_AND_ENGAGEMENT}) rather than the deprecated
 *       {@code objective}. Budgets are micro-currency, status {@code ACTIVE} or {@code PAUSED}.</li>
 *   <li>Ad squad: one per campaign (the simulation's ad set), bidding {@code bid_micro} with
 *       {@code LOWEST_COST_WITH_MAX_BID}; its budget is its campaign's, so it carries none.</li>
 *   <li>Times the simulation does not keep (creation, last update) are fixed per entity: a campaign
 *       was created three days before it started and reports that as its last update.</li>
 * </ul>
 */
final class SnapEntities {

    private static final LocalTime CREATED_AT = LocalTime.of(9, 15, 44, 902_000_000);

    private SnapEntities() {
    }

    static ObjectNode adAccount(SimulatedAccount account) {
        return Json.object()
                .put("id", account.accountId())
                .put("updated_at", SnapTimes.utc(Instant.parse("2026-01-05T10:00:00Z")))
                .put("created_at", SnapTimes.utc(Instant.parse("2026-01-05T10:00:00Z")))
                .put("name", account.name())
                .put("type", "PARTNER")
                .put("status", "ACTIVE")
                .put("organization_id", UUID.nameUUIDFromBytes(("org:" + account.accountId())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .put("currency", account.currency())
                .put("timezone", account.zone().getId())
                .put("advertiser", account.name());
    }

    static ObjectNode campaign(SimulatedAccount account, SimulatedCampaign campaign, Instant updatedAt) {
        ObjectNode node = Json.object()
                .put("id", campaign.id())
                .put("updated_at", SnapTimes.utc(updatedAt))
                .put("created_at", SnapTimes.utc(createdAt(campaign)))
                .put("name", campaign.profile().name())
                .put("ad_account_id", account.accountId())
                .put("status", status(campaign.status()));
        node.putObject("objective_v2_properties").put("objective_v2_type", objective(campaign.profile().objective()));
        node.put("start_time", startTime(account, campaign))
                .put("daily_budget_micro", campaign.dailyBudgetMicros())
                .put("buy_model", "AUCTION")
                .put("creation_state", "PUBLISHED");
        node.putArray("delivery_status").add("VALID");
        return node;
    }

    static ObjectNode campaign(SimulatedAccount account, SimulatedCampaign campaign) {
        return campaign(account, campaign, createdAt(campaign));
    }

    static ObjectNode adSquad(SimulatedAccount account, SimulatedCampaign campaign, Instant updatedAt) {
        ObjectNode node = Json.object()
                .put("id", campaign.profile().adSetId())
                .put("updated_at", SnapTimes.utc(updatedAt))
                .put("created_at", SnapTimes.utc(createdAt(campaign)))
                .put("name", adSquadName(campaign))
                .put("status", "ACTIVE")
                .put("campaign_id", campaign.id())
                .put("type", "SNAP_ADS");
        ObjectNode targeting = node.putObject("targeting");
        targeting.putArray("geos").addObject().put("country_code", "us");
        node.putObject("placement_v2").put("config", "AUTOMATIC");
        node.put("billing_event", "IMPRESSION")
                .put("bid_strategy", "LOWEST_COST_WITH_MAX_BID")
                .put("bid_micro", campaign.bidMicros())
                .put("optimization_goal", optimizationGoal(campaign.profile().objective()))
                .put("start_time", startTime(account, campaign));
        node.putArray("delivery_status").add("VALID");
        return node;
    }

    static ObjectNode adSquad(SimulatedAccount account, SimulatedCampaign campaign) {
        return adSquad(account, campaign, createdAt(campaign));
    }

    static String adSquadName(SimulatedCampaign campaign) {
        return campaign.profile().name() + " | Ad squad";
    }

    static String startTime(SimulatedAccount account, SimulatedCampaign campaign) {
        return SnapTimes.utc(campaign.profile().startDate().atStartOfDay(account.zone()).toInstant());
    }

    static String objective(Objective objective) {
        return switch (objective) {
            case SALES -> "SALES";
            case TRAFFIC -> "TRAFFIC";
            case AWARENESS -> "AWARENESS_AND_ENGAGEMENT";
        };
    }

    /** Snap's word for a simulated status: only ACTIVE and PAUSED exist on Snap campaigns. */
    static String status(EntityStatus status) {
        return status == EntityStatus.ACTIVE ? "ACTIVE" : "PAUSED";
    }

    private static String optimizationGoal(Objective objective) {
        return switch (objective) {
            case SALES -> "PIXEL_PURCHASE";
            case TRAFFIC -> "SWIPES";
            case AWARENESS -> "IMPRESSIONS";
        };
    }

    private static Instant createdAt(SimulatedCampaign campaign) {
        return campaign.profile().startDate().minusDays(3).atTime(CREATED_AT).toInstant(ZoneOffset.UTC);
    }
}
