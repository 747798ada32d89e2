package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A campaign as {@code campaign/get} lists it: {@code campaign_id}, {@code campaign_name},
 * {@code advertiser_id}, {@code objective_type}, {@code operation_status} ({@code ENABLE} or
 * {@code DISABLE}), {@code secondary_status} ({@code CAMPAIGN_STATUS_ENABLE},
 * {@code CAMPAIGN_STATUS_DISABLE}, {@code CAMPAIGN_STATUS_DELETE}), the daily budget as
 * {@code budget} (a JSON number in the currency's unit) with {@code budget_mode}
 * {@code BUDGET_MODE_DAY}, {@code budget_optimize_on} (every simulated campaign budgets at campaign
 * level), {@code create_time} (the campaign's first day, local midnight) and {@code modify_time}
 * (its newest change through the API, else its creation), both in UTC.
 */
final class CampaignRenderer {

    private CampaignRenderer() {
    }

    static ObjectNode render(SimulatedAccount account, SimulatedCampaign campaign, PlatformState state) {
        Instant created = campaign.profile().startDate().atStartOfDay(account.zone()).toInstant();
        Instant modified = state.mutations().stream()
                .filter(mutation -> mutation.entityId().equals(campaign.id()))
                .map(Mutation::at).max(Instant::compareTo).orElse(created);
        return Json.object()
                .put("campaign_id", campaign.id())
                .put("campaign_name", campaign.profile().name())
                .put("advertiser_id", account.accountId())
                .put("objective_type", TikTokObjectives.objectiveType(campaign.profile().objective()))
                .put("operation_status", operationStatus(campaign.status()))
                .put("secondary_status", secondaryStatus(campaign.status()))
                .put("budget", TikTokAmounts.entity(campaign.dailyBudgetMicros()))
                .put("budget_mode", "BUDGET_MODE_DAY")
                .put("budget_optimize_on", true)
                .put("create_time", TikTokTimes.dateTime(created))
                .put("modify_time", TikTokTimes.dateTime(modified));
    }

    /** @return TikTok's {@code operation_status}: what the advertiser set */
    static String operationStatus(EntityStatus status) {
        return status == EntityStatus.ACTIVE ? "ENABLE" : "DISABLE";
    }

    private static String secondaryStatus(EntityStatus status) {
        return switch (status) {
            case ACTIVE -> "CAMPAIGN_STATUS_ENABLE";
            case DELETED -> "CAMPAIGN_STATUS_DELETE";
            // TikTok has no archived state; an archived simulated campaign shows as disabled
            case PAUSED, ARCHIVED -> "CAMPAIGN_STATUS_DISABLE";
        };
    }
}
