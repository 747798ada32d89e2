package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code PUT /v1/campaigns/{campaign_id}/adsquads}: full ad squad objects of one campaign. The
 * simulation changes {@code bid_micro}. Its one ad squad per campaign delivers while its campaign is
 * active and spends its campaign's budget, so an object that pauses the ad squad or gives it a budget
 * of its own is refused as not simulated, as is a rename; the required attributes
 * ({@code id, campaign_id, name, status, bid_micro}) must be there. Each ad squad whose bid actually
 * changed is recorded as one {@link Mutation}.
 */
final class AdSquadUpdates {

    private final PlatformState state;

    AdSquadUpdates(PlatformState state) {
        this.state = state;
    }

    ApiResponse put(ApiRequest request, String campaignId) {
        SimulatedAccount account = state.accountOf(campaignId).orElseThrow(SnapRefusal::notFound);
        SimulatedCampaign parent = account.campaign(campaignId).orElseThrow(SnapRefusal::notFound);
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode object : UpdateBatch.objects(request, "adsquads")) {
            try {
                entries.add(UpdateBatch.applied("adsquad", apply(account, parent, object)));
            } catch (UpdateBatch.Refused refused) {
                entries.add(refused.entry());
            }
        }
        return UpdateBatch.answer("adsquads", entries);
    }

    private ObjectNode apply(SimulatedAccount account, SimulatedCampaign parent, ObjectNode object) {
        String id = UpdateBatch.text(object, "id");
        if (!parent.profile().adSetId().equals(id)) {
            throw UpdateBatch.Refused.notFound();
        }
        UpdateBatch.requireEqual("campaign_id", UpdateBatch.text(object, "campaign_id"), parent.id(),
                "an ad squad stays in its campaign");
        UpdateBatch.requireEqual("name", UpdateBatch.text(object, "name"), SnapEntities.adSquadName(parent),
                "the sandbox does not rename ad squads");
        String status = UpdateBatch.text(object, "status");
        if (!status.equals("ACTIVE")) {
            CampaignUpdates.status(status);
            throw UpdateBatch.Refused.property("status " + status + " is not simulated by the sandbox: its ad squads "
                    + "deliver while their campaign is active; pause the campaign instead");
        }
        long bid = UpdateBatch.micros(object, "bid_micro");
        UpdateBatch.notSimulated(object, "daily_budget_micro");
        UpdateBatch.notSimulated(object, "lifetime_budget_micro");

        Instant now = state.clock().instant();
        if (bid != parent.bidMicros()) {
            parent.setBid(bid);
            state.record(new Mutation(now, account.accountId(), id, "bid_micro=" + bid, Optional.empty()));
        }
        return SnapEntities.adSquad(account, parent, now);
    }
}
