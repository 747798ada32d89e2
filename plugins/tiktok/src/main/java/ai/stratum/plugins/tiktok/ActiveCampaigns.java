package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lists the advertiser's campaigns that are active now (every page of {@code campaign/get}), for
 * PAUSE_ALL. Status is read as {@link CampaignParser#status} reads it, so "active" means the same
 * here as in a sync.
 *
 * @param ids        the active campaigns' ids, in TikTok's order
 * @param rawBodies  the listing's response bodies, one per page
 */
record ActiveCampaigns(List<String> ids, List<String> rawBodies) {

    static CompletionStage<ActiveCampaigns> list(TikTokApi api, String advertiserId) {
        return fromPage(api, advertiserId, 1, new ActiveCampaigns(List.of(), List.of()));
    }

    private static CompletionStage<ActiveCampaigns> fromPage(TikTokApi api, String advertiserId, int page,
                                                             ActiveCampaigns soFar) {
        return TikTokReads.campaigns(api, advertiserId, page).thenCompose(reply -> {
            JsonNode list = reply.data().path("list");
            if (!list.isArray()) {
                throw ConnectorException.malformedResponse("TikTok's campaign/get answer has no data.list", null);
            }
            List<String> ids = new ArrayList<>(soFar.ids());
            for (JsonNode campaign : list) {
                if (CampaignParser.status(campaign) == EntityStatus.ACTIVE) {
                    ids.add(campaign.path("campaign_id").asText());
                }
            }
            List<String> bodies = new ArrayList<>(soFar.rawBodies());
            bodies.add(reply.rawBody());
            ActiveCampaigns listed = new ActiveCampaigns(List.copyOf(ids), List.copyOf(bodies));
            if (PageInfo.of(reply.data(), TikTokReads.CAMPAIGNS).hasNext()) {
                return fromPage(api, advertiserId, page + 1, listed);
            }
            return CompletableFuture.completedFuture(listed);
        });
    }
}
