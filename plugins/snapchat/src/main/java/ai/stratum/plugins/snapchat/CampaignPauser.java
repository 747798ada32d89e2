package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * PAUSE_ALL: lists every campaign of the ad account (all pages), keeps those Snap reports
 * {@code ACTIVE}, and puts them back {@code PAUSED}, {@value #BATCH} full objects per
 * {@code PUT /v1/adaccounts/{id}/campaigns}. Snap documents no batch maximum for updates; fifty keeps
 * each request small and one refused campaign from hiding many. Campaigns already paused are left
 * alone, so running it again changes nothing.
 */
final class CampaignPauser {

    static final int BATCH = 50;

    private final SnapchatApi api;
    private final List<String> responses;
    private final EntityUpdater updater;

    CampaignPauser(SnapchatApi api, List<String> responses) {
        this.api = api;
        this.responses = responses;
        this.updater = new EntityUpdater(api, responses);
    }

    CompletionStage<Void> pauseActive(String adAccountId) {
        return active(adAccountId, null, new ArrayList<>()).thenCompose(active -> {
            CompletionStage<Void> done = CompletableFuture.completedFuture(null);
            for (int start = 0; start < active.size(); start += BATCH) {
                List<ObjectNode> batch = active.subList(start, Math.min(start + BATCH, active.size()));
                done = done.thenCompose(ignored -> updater.put(EntityKind.CAMPAIGN, adAccountId, batch));
            }
            return done;
        });
    }

    /** The account's active campaigns, already set to PAUSED and stripped to what Snap takes back. */
    private CompletionStage<List<ObjectNode>> active(String adAccountId, String cursor, List<ObjectNode> found) {
        return CampaignPage.fetch(api, adAccountId, CampaignPage.MAX_LIMIT, cursor).thenCompose(page -> {
            responses.add(page.body());
            for (ObjectNode campaign : page.campaigns()) {
                if (CampaignParser.status(campaign) == EntityStatus.ACTIVE) {
                    ObjectNode paused = EntityUpdater.writable(campaign);
                    paused.put("status", EntityStatus.PAUSED.name());
                    found.add(paused);
                }
            }
            return page.nextCursor().isPresent()
                    ? active(adAccountId, page.nextCursor().get(), found)
                    : CompletableFuture.completedFuture(found);
        });
    }
}
