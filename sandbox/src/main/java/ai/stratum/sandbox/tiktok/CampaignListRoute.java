package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /open_api/v1.3/campaign/get/?advertiser_id=..&page=..&page_size=..}: the
 * advertiser's campaigns ({@link CampaignRenderer}) in {@code data.list[]} with
 * {@code data.page_info} ({@link Paging}). {@code fields} (a JSON list) keeps only the fields
 * named; {@code filtering} is simulated for {@code campaign_ids} only and refused otherwise.
 */
final class CampaignListRoute {

    private final int pageCap;

    CampaignListRoute(int pageCap) {
        this.pageCap = pageCap;
    }

    ApiResponse handle(ApiRequest request, PlatformState state) {
        Params params = Params.ofQuery(request.query());
        SimulatedAccount account = Advertisers.require(state, params);
        Paging paging = Paging.of(params, pageCap);
        Optional<Set<String>> fields = params.optionalTexts("fields", 1, 100).map(HashSet::new);
        Optional<Set<String>> only = campaignIdsFilter(params);
        List<SimulatedCampaign> campaigns = account.campaigns().stream()
                .filter(campaign -> only.map(ids -> ids.contains(campaign.id())).orElse(true))
                .toList();
        ObjectNode data = Json.object();
        var list = data.putArray("list");
        for (SimulatedCampaign campaign : paging.slice(campaigns)) {
            ObjectNode rendered = CampaignRenderer.render(account, campaign, state);
            fields.ifPresent(keep -> retain(rendered, keep));
            list.add(rendered);
        }
        data.set("page_info", paging.pageInfo(campaigns.size()));
        return TikTokReplies.ok(data);
    }

    private static Optional<Set<String>> campaignIdsFilter(Params params) {
        Optional<Params> filtering = params.object("filtering");
        if (filtering.isEmpty()) {
            return Optional.empty();
        }
        Set<String> unsimulated = new HashSet<>(filtering.get().names());
        unsimulated.remove("campaign_ids");
        if (!unsimulated.isEmpty()) {
            throw TikTokError.parameter("filtering: the sandbox simulates filtering by campaign_ids only, not by "
                    + unsimulated + ".");
        }
        return filtering.get().optionalTexts("campaign_ids", 1, 100).map(HashSet::new);
    }

    private static void retain(ObjectNode campaign, Set<String> fields) {
        for (Iterator<String> names = campaign.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                names.remove();
            }
        }
    }
}
