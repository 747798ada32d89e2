package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign writes: {@code POST campaign/update/} {@code {advertiser_id, campaign_id, budget,
 * budget_mode}} sets the daily budget (only {@code BUDGET_MODE_DAY}: campaigns with Campaign Budget
 * Optimization take no other) and answers the campaign; {@code POST campaign/status/update/}
 * {@code {advertiser_id, campaign_ids (1-20), operation_status}} enables, disables or deletes and
 * answers {@code {campaign_ids, status}}. Every id is checked before anything changes. A change
 * takes effect from the advertiser's today and is recorded as a {@link Mutation} only when it
 * changes something; TikTok's API takes no idempotency key.
 */
final class CampaignWrites {

    private static final Set<String> UPDATABLE = Set.of("advertiser_id", "campaign_id", "budget", "budget_mode");
    private static final int MAX_IDS = 20;

    private CampaignWrites() {
    }

    static ApiResponse update(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        Writes.requireOnly(params, UPDATABLE, "campaign/update");
        SimulatedAccount account = Advertisers.require(state, params);
        SimulatedCampaign campaign = Advertisers.campaign(account, params.text("campaign_id"));
        Optional<String> mode = params.optionalText("budget_mode");
        if (mode.isPresent() && !mode.get().equals("BUDGET_MODE_DAY")) {
            throw TikTokError.parameter("budget_mode: When Campaign Budget Optimization is enabled, only "
                    + "BUDGET_MODE_DAY is supported.");
        }
        if (params.has("budget")) {
            long micros = Writes.cents(TikTokAmounts.micros(params.decimal("budget"), account.currency(), "budget"),
                    "budget");
            if (micros != campaign.dailyBudgetMicros()) {
                campaign.setDailyBudget(micros, account.today());
                Writes.record(state, account, campaign.id(), "budget=" + TikTokAmounts.entity(micros));
            }
        }
        return TikTokReplies.ok(CampaignRenderer.render(account, campaign, state));
    }

    static ApiResponse updateStatus(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        SimulatedAccount account = Advertisers.require(state, params);
        List<String> ids = params.texts("campaign_ids", 1, MAX_IDS);
        String operation = params.text("operation_status");
        EntityStatus target = Writes.status(operation);
        List<SimulatedCampaign> campaigns = ids.stream().map(id -> Advertisers.campaign(account, id)).toList();
        for (SimulatedCampaign campaign : campaigns) {
            if (campaign.status() == EntityStatus.DELETED && target != EntityStatus.DELETED) {
                throw TikTokError.parameter("campaign_ids: Campaign " + campaign.id() + " has been deleted.");
            }
        }
        for (SimulatedCampaign campaign : campaigns) {
            if (campaign.status() != target) {
                campaign.setStatus(target, account.today());
                Writes.record(state, account, campaign.id(), "operation_status=" + operation);
            }
        }
        ObjectNode data = Json.object();
        ids.forEach(data.putArray("campaign_ids")::add);
        data.put("status", operation);
        return TikTokReplies.ok(data);
    }
}
