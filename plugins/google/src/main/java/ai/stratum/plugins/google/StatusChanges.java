package ai.stratum.plugins.google;

import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Sets the status of campaigns ({@code campaigns:mutate}) and ad groups ({@code adGroups:mutate}),
 * campaigns first, through {@link MutateOperations#setStatus}. Ads are refused: a Google Ads ad is
 * addressed by its ad group and ad ids together, which an entity id does not carry.
 *
 * <p>PAUSE_ALL lists the account's ENABLED campaigns by GAQL and pauses exactly those, in one
 * request per {@link MutateBatches#MAX_OPERATIONS_PER_REQUEST} campaigns; an account with none
 * sends no mutate.
 */
final class StatusChanges {

    private StatusChanges() {
    }

    static CompletionStage<Void> apply(ActionSteps steps, List<EntityChange> changes) {
        List<ObjectNode> campaigns = new ArrayList<>();
        List<ObjectNode> adGroups = new ArrayList<>();
        for (EntityChange change : changes) {
            EntityStatus status = ((Change.SetStatus) change.change()).status();
            switch (change.entityType()) {
                case CAMPAIGN -> campaigns.add(MutateOperations.setStatus(
                        steps.resourceName("campaigns", change.entityId()), status));
                case ADSET -> adGroups.add(MutateOperations.setStatus(
                        steps.resourceName("adGroups", change.entityId()), status));
                case AD, ACCOUNT -> throw ConnectorException.rejected("Google Ads status changes apply to campaigns"
                        + " and ad groups; cannot change the status of " + change.entityType() + " "
                        + change.entityId(), null);
            }
        }
        return MutateBatches.send(steps.client(), steps.customer(), "campaigns", campaigns, steps.log())
                .thenCompose(done -> MutateBatches.send(steps.client(), steps.customer(), "adGroups", adGroups, steps.log()));
    }

    static CompletionStage<Void> pauseAll(ActionSteps steps) {
        return steps.search(Gaql.ENABLED_CAMPAIGNS).thenCompose(rows -> {
            List<ObjectNode> operations = new ArrayList<>();
            for (JsonNode row : rows) {
                String status = GoogleJson.requiredText(row, "campaign.status", "an enabled campaign row");
                if (!"ENABLED".equals(status)) {
                    throw GoogleJson.malformed("the query for ENABLED campaigns returned one that is " + status);
                }
                String id = GoogleJson.requiredText(row, "campaign.id", "an enabled campaign row");
                operations.add(MutateOperations.setStatus(steps.resourceName("campaigns", id), EntityStatus.PAUSED));
            }
            return MutateBatches.send(steps.client(), steps.customer(), "campaigns", operations, steps.log());
        });
    }
}
