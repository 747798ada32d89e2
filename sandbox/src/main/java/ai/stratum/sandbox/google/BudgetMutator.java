package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.Operations.Planned;
import ai.stratum.sandbox.google.Operations.Update;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * {@code campaignBudgets:mutate}: an update of a campaign's own DAILY budget's
 * {@code amountMicros}, which Google takes only as a whole number of the currency's smallest unit
 * ({@code NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT}) and at least one such unit. The change holds from
 * the account's today. Budgets are neither created nor removed here: each simulated campaign has
 * its own.
 */
final class BudgetMutator implements Operations.Mutator {

    @Override
    public Planned plan(GoogleCall call, JsonNode operation, int index) {
        if (!operation.has("update")) {
            String kind = operation.has("create") ? "create" : "remove";
            throw new OperationError("operationAccessDeniedError", kind.toUpperCase(Locale.ROOT)
                    + "_OPERATION_NOT_PERMITTED", "The sandbox's budgets belong to its campaigns; it neither creates "
                    + "nor removes them.", kind);
        }
        Update update = Operations.update(operation);
        String budgetId = GoogleIds.idIn(update.resourceName(), call.customerId(), "campaignBudgets")
                .orElseThrow(() -> new OperationError("requestError", "RESOURCE_NAME_MALFORMED",
                        "Resource name provided is malformed.", "update", "resource_name"));
        SimulatedCampaign campaign = GoogleIds.campaignOfBudget(budgetId).flatMap(call.account()::campaign)
                .orElseThrow(() -> new OperationError("mutateError", "RESOURCE_NOT_FOUND",
                        "Requested resource was not found.", "update", "resource_name"));
        Long target = null;
        for (String field : update.mask()) {
            if (!field.equals("amountMicros")) {
                throw Operations.unchangeable("campaign_budget", field);
            }
            target = amount(call, Operations.int64(update.fields(), "amountMicros",
                    "operations[" + index + "].update.amount_micros"));
        }
        Long micros = target;
        return new Planned(update.resourceName(), () -> {
            if (micros != null && campaign.dailyBudgetMicros() != micros) {
                campaign.setDailyBudget(micros, call.account().today());
                call.record(campaign.id(), "campaign_budget.amount_micros=" + micros);
            }
            return update.resourceName();
        }, "campaignBudget", () -> RowRenderer.resource(GoogleRows.campaign(call, campaign), "campaign_budget"));
    }

    private static long amount(GoogleCall call, long micros) {
        long unit = Operations.currencyUnitMicros(call);
        if (micros < 0) {
            throw new OperationError("campaignBudgetError", "NEGATIVE_MONEY_AMOUNT", "A money amount was negative.",
                    "update", "amount_micros");
        }
        if (micros % unit != 0) {
            throw new OperationError("campaignBudgetError", "NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT",
                    "A money amount was not a multiple of a minimum unit.", "update", "amount_micros");
        }
        if (micros < unit) {
            throw new OperationError("campaignBudgetError", "MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC",
                    "A money amount was less than the minimum CPC for currency.", "update", "amount_micros");
        }
        return micros;
    }
}
