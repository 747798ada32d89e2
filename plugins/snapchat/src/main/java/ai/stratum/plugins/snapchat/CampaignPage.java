package ai.stratum.plugins.snapchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One page of {@code GET /v1/adaccounts/{id}/campaigns?limit=...}: Snap's campaign objects as sent
 * (so an update can put them back whole) and the cursor of the next page, read from
 * {@code paging.next_link}; a page without it is the last.
 *
 * @param campaigns  the campaign objects
 * @param nextCursor Snap's cursor of the next page, empty on the last page
 * @param body       the answer as received
 */
record CampaignPage(List<ObjectNode> campaigns, Optional<String> nextCursor, String body) {

    /** Snap's page sizes run from 50 to 1,000. */
    static final int MAX_LIMIT = 1000;
    static final int MIN_LIMIT = 50;

    static CompletionStage<CampaignPage> fetch(SnapchatApi api, String adAccountId, int limit, String cursor) {
        return api.get(api.urls().campaigns(adAccountId, limit, cursor), CampaignParser.WHAT)
                .thenApply(response -> new CampaignPage(
                        SnapEnvelope.entities(response.root(), "campaigns", "campaign", CampaignParser.WHAT),
                        SnapEnvelope.nextCursor(response.root(), CampaignParser.WHAT),
                        response.body()));
    }
}
