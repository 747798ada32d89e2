package ai.stratum.plugins.google;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sets campaign budgets. In Google Ads the amount lives on a separate {@code CampaignBudget}
 * resource the campaign points to, so the change is: read each campaign's budget resource name by
 * GAQL, then one {@code campaignBudgets:mutate} updating {@code amountMicros} (a DAILY budget) or
 * {@code totalAmountMicros} (a CUSTOM_PERIOD, that is lifetime, budget).
 *
 * <p>Refused before anything changes: a budget on an ad group or ad (they have none in Google
 * Ads), a period that does not match the budget's, an amount in another currency, and an
 * explicitly shared budget, since changing it would change every campaign that shares it.
 */
final class BudgetChanges {

    private BudgetChanges() {
    }

    static CompletionStage<Void> apply(ActionSteps steps, List<EntityChange> changes) {
        Map<String, Change.SetBudget> targets = new HashMap<>();
        for (EntityChange change : changes) {
            if (change.entityType() != EntityType.CAMPAIGN) {
                throw ConnectorException.rejected("Google Ads budgets belong to campaigns; a " + change.entityType()
                        + " has no budget to set (" + change.entityId() + ")", null);
            }
            targets.put(Gaql.numeric(change.entityId()), (Change.SetBudget) change.change());
        }
        return steps.accountSettings()
                .thenCompose(settings -> {
                    ActionSteps.requireCurrency(targets.values().stream().map(Change.SetBudget::amount).toList(), settings);
                    return steps.search(Gaql.campaignBudgets(targets.keySet()));
                })
                .thenCompose(rows -> MutateBatches.send(steps.client(), steps.customer(), "campaignBudgets",
                        operations(targets, rows), steps.log()));
    }

    private static List<ObjectNode> operations(Map<String, Change.SetBudget> targets, List<JsonNode> rows) {
        Map<String, JsonNode> budgetByCampaign = new HashMap<>();
        for (JsonNode row : rows) {
            budgetByCampaign.put(GoogleJson.requiredText(row, "campaign.id", "a campaign budget row"), row.path("campaignBudget"));
        }
        List<ObjectNode> operations = new ArrayList<>();
        targets.forEach((campaignId, target) -> operations.add(operation(campaignId, target, budgetByCampaign.get(campaignId))));
        return operations;
    }

    private static ObjectNode operation(String campaignId, Change.SetBudget target, JsonNode budget) {
        if (budget == null || !budget.isObject()) {
            throw ConnectorException.rejected("Google Ads campaign " + campaignId + " was not found or has no budget", null);
        }
        String what = "the budget of campaign " + campaignId;
        String resourceName = GoogleJson.requiredText(budget, "resourceName", what);
        if (budget.path("explicitlyShared").asBoolean(false)) {
            throw ConnectorException.rejected("the budget of Google Ads campaign " + campaignId
                    + " is shared with other campaigns; changing it would change theirs too", null);
        }
        String period = GoogleJson.optionalText(budget, "period", what).orElse("UNSPECIFIED");
        if (target.period() == BudgetPeriod.DAILY && "DAILY".equals(period)) {
            return MutateOperations.setMicros(resourceName, "amountMicros", target.amount().micros());
        }
        if (target.period() == BudgetPeriod.LIFETIME && "CUSTOM_PERIOD".equals(period)) {
            return MutateOperations.setMicros(resourceName, "totalAmountMicros", target.amount().micros());
        }
        throw ConnectorException.rejected("Google Ads campaign " + campaignId + " has a " + period
                + " budget; it cannot take a " + target.period() + " amount", null);
    }
}
