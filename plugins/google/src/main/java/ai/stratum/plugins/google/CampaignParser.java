package ai.stratum.plugins.google;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * Reads a row of {@link Gaql#CAMPAIGNS} into a {@link Campaign}:
 * <ul>
 *   <li>status: {@code ENABLED} → ACTIVE, {@code PAUSED} → PAUSED, {@code REMOVED} → DELETED;
 *       any other value is malformed;</li>
 *   <li>objective: {@code campaign.advertisingChannelType} ({@code SEARCH}, {@code PERFORMANCE_MAX}…),
 *       Google's closest notion of an objective;</li>
 *   <li>budget: a {@code DAILY} budget is a daily {@link Budget} of {@code amountMicros}; a
 *       {@code CUSTOM_PERIOD} budget with {@code totalAmountMicros} is a lifetime budget. A campaign
 *       without a budget resource (possible for some campaign types) has no budgets.</li>
 * </ul>
 */
final class CampaignParser {

    private CampaignParser() {
    }

    static Campaign parse(JsonNode row, String currency) {
        String what = "a campaign row";
        String id = GoogleJson.requiredText(row, "campaign.id", what);
        String name = GoogleJson.optionalText(row, "campaign.name", what).orElse("");
        EntityStatus status = status(GoogleJson.requiredText(row, "campaign.status", what));
        String objective = GoogleJson.optionalText(row, "campaign.advertisingChannelType", what).orElse("UNSPECIFIED");
        return new Campaign(id, name, status, objective, budget(row, currency).map(List::of).orElse(List.of()));
    }

    static EntityStatus status(String googleStatus) {
        return switch (googleStatus) {
            case "ENABLED" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            case "REMOVED" -> EntityStatus.DELETED;
            default -> throw GoogleJson.malformed("unexpected campaign status " + googleStatus);
        };
    }

    private static Optional<Budget> budget(JsonNode row, String currency) {
        JsonNode budget = row.path("campaignBudget");
        if (!budget.isObject()) {
            return Optional.empty();
        }
        String what = "a campaign budget";
        String period = GoogleJson.optionalText(budget, "period", what).orElse("UNSPECIFIED");
        return switch (period) {
            case "DAILY" -> Optional.of(new Budget(BudgetPeriod.DAILY, GoogleMoney.ofMicros(
                    GoogleJson.optionalInt64(budget, "amountMicros", what).orElse(0L), currency)));
            case "CUSTOM_PERIOD" -> GoogleJson.optionalInt64(budget, "totalAmountMicros", what)
                    .map(micros -> new Budget(BudgetPeriod.LIFETIME, GoogleMoney.ofMicros(micros, currency)));
            default -> Optional.empty();
        };
    }
}
