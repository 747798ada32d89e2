package ai.stratum.sandbox.snapchat;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code PUT /v1/adaccounts/{id}/campaigns}: full campaign objects. Snap replaces the campaign with
 * what is sent, so every required attribute ({@code id, name, ad_account_id, status, start_time}) must
 * be there. The simulation changes {@code status} and {@code daily_budget_micro}; an object that would
 * change what the simulation cannot hold (its name, start, objective, a lifetime cap or an end) is
 * refused, so a client that garbles the object it puts back is caught rather than silently obeyed.
 * Snap takes no idempotency key; each campaign actually changed is recorded as one {@link Mutation}.
 */
final class CampaignUpdates {

    private final PlatformState state;

    CampaignUpdates(PlatformState state) {
        this.state = state;
    }

    ApiResponse put(ApiRequest request, String adAccountId) {
        SimulatedAccount account = state.account(adAccountId).orElseThrow(SnapRefusal::notFound);
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode object : UpdateBatch.objects(request, "campaigns")) {
            try {
                entries.add(UpdateBatch.applied("campaign", apply(account, object)));
            } catch (UpdateBatch.Refused refused) {
                entries.add(refused.entry());
            }
        }
        return UpdateBatch.answer("campaigns", entries);
    }

    private ObjectNode apply(SimulatedAccount account, ObjectNode object) {
        SimulatedCampaign campaign = account.campaign(UpdateBatch.text(object, "id"))
                .orElseThrow(UpdateBatch.Refused::notFound);
        UpdateBatch.requireEqual("ad_account_id", UpdateBatch.text(object, "ad_account_id"), account.accountId(),
                "a campaign stays in its ad account");
        UpdateBatch.requireEqual("name", UpdateBatch.text(object, "name"), campaign.profile().name(),
                "the sandbox does not rename campaigns");
        EntityStatus status = status(UpdateBatch.text(object, "status"));
        String startTime = UpdateBatch.text(object, "start_time");
        if (!instant(startTime).equals(instant(SnapEntities.startTime(account, campaign)))) {
            throw UpdateBatch.Refused.property("start_time " + startTime + " differs from "
                    + SnapEntities.startTime(account, campaign) + ": the sandbox does not move campaign starts");
        }
        long budget = UpdateBatch.micros(object, "daily_budget_micro");
        if (budget % 10_000 != 0) {
            throw UpdateBatch.Refused.property("daily_budget_micro must be a whole number of cents");
        }
        UpdateBatch.notSimulated(object, "lifetime_spend_cap_micro");
        UpdateBatch.notSimulated(object, "end_time");
        objective(object).ifPresent(sent -> UpdateBatch.requireEqual("objective_v2_type", sent,
                SnapEntities.objective(campaign.profile().objective()), "the sandbox does not change objectives"));

        List<String> changes = new ArrayList<>();
        if (budget != campaign.dailyBudgetMicros()) {
            campaign.setDailyBudget(budget, account.today());
            changes.add("daily_budget_micro=" + budget);
        }
        if (status != campaign.status()) {
            campaign.setStatus(status, account.today());
            changes.add("status=" + status.name());
        }
        Instant now = state.clock().instant();
        if (!changes.isEmpty()) {
            state.record(new Mutation(now, account.accountId(), campaign.id(), String.join(",", changes),
                    Optional.empty()));
        }
        return SnapEntities.campaign(account, campaign, now);
    }

    static EntityStatus status(String value) {
        return switch (value) {
            case "ACTIVE" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            default -> throw UpdateBatch.Refused.property("status must be ACTIVE or PAUSED, not " + value);
        };
    }

    private static Optional<String> objective(ObjectNode object) {
        JsonNode properties = object.get("objective_v2_properties");
        if (properties == null || properties.isNull()) {
            return Optional.empty();
        }
        return Optional.of(properties.path("objective_v2_type").asText(""));
    }

    private static Instant instant(String time) {
        return SnapTimes.read(time).map(java.time.OffsetDateTime::toInstant)
                .orElseThrow(() -> UpdateBatch.Refused.property("start_time is not an ISO 8601 date-time: " + time));
    }
}
