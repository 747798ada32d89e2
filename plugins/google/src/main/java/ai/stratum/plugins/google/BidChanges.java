package ai.stratum.plugins.google;

import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Sets ad group (ADSET) max CPC bids: one {@code adGroups:mutate} updating {@code cpcBidMicros},
 * the bid that manual CPC and enhanced CPC bidding use. Campaign-level bidding in Google Ads is a
 * bid strategy with targets (tCPA, tROAS), not a bid, and ads carry no bid, so both are refused.
 */
final class BidChanges {

    private BidChanges() {
    }

    static CompletionStage<Void> apply(ActionSteps steps, List<EntityChange> changes) {
        List<ObjectNode> operations = new ArrayList<>();
        for (EntityChange change : changes) {
            if (change.entityType() != EntityType.ADSET) {
                throw ConnectorException.rejected("Google Ads bids are set on ad groups (ADSET); a "
                        + change.entityType() + " has no CPC bid (" + change.entityId() + ")", null);
            }
            long micros = ((Change.SetBid) change.change()).amount().micros();
            operations.add(MutateOperations.setMicros(steps.resourceName("adGroups", change.entityId()), "cpcBidMicros", micros));
        }
        List<Money> amounts = changes.stream()
                .map(change -> ((Change.SetBid) change.change()).amount()).toList();
        return steps.accountSettings().thenCompose(settings -> {
            ActionSteps.requireCurrency(amounts, settings);
            return MutateBatches.send(steps.client(), steps.customer(), "adGroups", operations, steps.log());
        });
    }
}
