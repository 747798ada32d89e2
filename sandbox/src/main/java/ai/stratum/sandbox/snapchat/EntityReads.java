package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The reads of Snap entities: {@code GET /v1/adaccounts/{id}}, {@code GET /v1/adaccounts/{id}/campaigns}
 * (paged, {@link SnapPaging}), {@code GET /v1/campaigns/{id}} and {@code GET /v1/adsquads/{id}}. A
 * single entity comes in the same list wrapper as a listing, with one element. An id the platform
 * does not hold is Snap's 404.
 */
final class EntityReads {

    private final PlatformState state;

    EntityReads(PlatformState state) {
        this.state = state;
    }

    ApiResponse adAccount(String adAccountId) {
        SimulatedAccount account = account(adAccountId);
        return SnapResponses.ok(SnapResponses.envelope("adaccounts", "adaccount",
                List.of(SnapEntities.adAccount(account))));
    }

    ApiResponse campaigns(ApiRequest request, String adAccountId) {
        SimulatedAccount account = account(adAccountId);
        SnapPaging paging = SnapPaging.of(request);
        List<SimulatedCampaign> all = account.campaigns();
        List<ObjectNode> page = paging.page(all).stream()
                .map(campaign -> SnapEntities.campaign(account, campaign))
                .toList();
        ObjectNode answer = SnapResponses.envelope("campaigns", "campaign", page);
        paging.link(answer, request, all.size());
        return SnapResponses.ok(answer);
    }

    ApiResponse campaign(String campaignId) {
        SimulatedAccount account = state.accountOf(campaignId).orElseThrow(SnapRefusal::notFound);
        SimulatedCampaign campaign = account.campaign(campaignId).orElseThrow(SnapRefusal::notFound);
        return SnapResponses.ok(SnapResponses.envelope("campaigns", "campaign",
                List.of(SnapEntities.campaign(account, campaign))));
    }

    ApiResponse adSquad(String adSquadId) {
        SimulatedAccount account = state.accountOf(adSquadId).orElseThrow(SnapRefusal::notFound);
        SimulatedCampaign campaign = account.campaignOfAdSet(adSquadId).orElseThrow(SnapRefusal::notFound);
        return SnapResponses.ok(SnapResponses.envelope("adsquads", "adsquad",
                List.of(SnapEntities.adSquad(account, campaign))));
    }

    SimulatedAccount account(String adAccountId) {
        return state.account(adAccountId).orElseThrow(SnapRefusal::notFound);
    }
}
