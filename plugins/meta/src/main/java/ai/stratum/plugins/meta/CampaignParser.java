package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a page of {@code GET /act_{id}/campaigns?fields=id,name,status,daily_budget,lifetime_budget,objective}.
 * Budgets are minor-unit strings of the account currency; a budget that is absent (the campaign's
 * budgets sit on its ad sets) or {@code "0"} (Meta's "not set") is no budget.
 */
final class CampaignParser {

    /** The fields to ask for. */
    static final String FIELDS = "id,name,status,daily_budget,lifetime_budget,objective";

    private CampaignParser() {
    }

    static List<Campaign> parse(JsonNode page, String currency) {
        List<Campaign> campaigns = new ArrayList<>();
        for (JsonNode node : JsonFields.requiredArray(page, "data", "the campaign list")) {
            campaigns.add(campaign(node, currency));
        }
        return campaigns;
    }

    private static Campaign campaign(JsonNode node, String currency) {
        String id = JsonFields.requiredText(node, "id", "a campaign");
        String what = "campaign " + id;
        List<Budget> budgets = new ArrayList<>();
        budget(node, "daily_budget", BudgetPeriod.DAILY, currency, what).ifPresent(budgets::add);
        budget(node, "lifetime_budget", BudgetPeriod.LIFETIME, currency, what).ifPresent(budgets::add);
        return new Campaign(id,
                JsonFields.requiredText(node, "name", what),
                MetaStatus.fromMeta(JsonFields.requiredText(node, "status", what)),
                JsonFields.requiredText(node, "objective", what),
                budgets);
    }

    private static Optional<Budget> budget(JsonNode node, String field, BudgetPeriod period, String currency,
            String what) {
        return JsonFields.optionalLong(node, field, what)
                .filter(minorUnits -> minorUnits != 0)
                .map(minorUnits -> new Budget(period,
                        MetaMoney.fromMinorUnits(minorUnits, currency, what + " " + field)));
    }
}
