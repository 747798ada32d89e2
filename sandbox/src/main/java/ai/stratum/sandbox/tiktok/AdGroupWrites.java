package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.util.List;
import java.util.Set;

/**
 * The ad group and ad writes. Every simulated campaign has one ad group, which carries the bid.
 * <ul>
 *   <li>{@code POST adgroup/update/} {@code {advertiser_id, adgroup_id, bid_price, budget}}:
 *       {@code bid_price} (the Bid Cap or Cost Cap amount) must be below the campaign's budget, as
 *       TikTok requires; {@code budget} is accepted and ignored, as TikTok ignores an ad group
 *       budget under Campaign Budget Optimization, which every simulated campaign uses. Answers
 *       {@code {adgroup_id}}.</li>
 *   <li>{@code POST adgroup/status/update/}: the ids are checked, then the change is refused: the
 *       simulation gives an ad group no status apart from its campaign's.</li>
 *   <li>{@code POST ad/status/update/}: the simulation has no ads, so every id is unknown.</li>
 * </ul>
 */
final class AdGroupWrites {

    private static final Set<String> UPDATABLE = Set.of("advertiser_id", "adgroup_id", "bid_price", "budget");
    private static final int MAX_IDS = 20;

    private AdGroupWrites() {
    }

    static ApiResponse update(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        Writes.requireOnly(params, UPDATABLE, "adgroup/update");
        SimulatedAccount account = Advertisers.require(state, params);
        String adGroupId = params.text("adgroup_id");
        SimulatedCampaign campaign = Advertisers.campaignOfAdGroup(account, adGroupId);
        if (params.has("budget")) {
            TikTokAmounts.micros(params.decimal("budget"), account.currency(), "budget");
        }
        if (params.has("bid_price")) {
            long micros = TikTokAmounts.micros(params.decimal("bid_price"), account.currency(), "bid_price");
            if (micros >= campaign.dailyBudgetMicros()) {
                throw TikTokError.parameter("bid_price: The bid must be lower than the campaign budget ("
                        + TikTokAmounts.entity(campaign.dailyBudgetMicros()) + ").");
            }
            if (micros != campaign.bidMicros()) {
                campaign.setBid(micros);
                Writes.record(state, account, adGroupId, "bid_price=" + TikTokAmounts.entity(micros));
            }
        }
        return TikTokReplies.ok(Json.object().put("adgroup_id", adGroupId));
    }

    static ApiResponse updateStatus(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        SimulatedAccount account = Advertisers.require(state, params);
        List<String> ids = params.texts("adgroup_ids", 1, MAX_IDS);
        Writes.status(params.text("operation_status"));
        ids.forEach(id -> Advertisers.campaignOfAdGroup(account, id));
        throw TikTokError.parameter("adgroup_ids: the sandbox simulates no ad group status apart from its "
                + "campaign's; change the campaign's status with campaign/status/update.");
    }

    static ApiResponse updateAdStatus(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        SimulatedAccount account = Advertisers.require(state, params);
        List<String> ids = params.texts("ad_ids", 1, MAX_IDS);
        Writes.status(params.text("operation_status"));
        throw TikTokError.parameter("ad_ids: Ad " + ids.get(0) + " does not exist under advertiser "
                + account.accountId() + ".");
    }
}
