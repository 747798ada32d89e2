package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Snap campaign object into a {@link Campaign}.
 *
 * <ul>
 *   <li>Status: Snap's {@code ACTIVE} and {@code PAUSED}; an entity flagged {@code deleted: true}
 *       (only listed with {@code read_deleted_entities}) is {@link EntityStatus#DELETED}. Any other
 *       value is a malformed answer, not a guess.</li>
 *   <li>Budgets: {@code daily_budget_micro} is the daily budget and {@code lifetime_spend_cap_micro}
 *       the lifetime budget, both in micro-currency of the account ({@link MicroCurrency}); a campaign
 *       without them has its budgets on its ad squads.</li>
 *   <li>Objective: Snap's own value ({@code WEB_CONVERSION}, {@code BRAND_AWARENESS}, ...), empty when
 *       Snap sends none.</li>
 * </ul>
 */
final class CampaignParser {

    static final String WHAT = "campaigns response";

    private CampaignParser() {
    }

    static Campaign parse(ObjectNode campaign, String currency) {
        List<Budget> budgets = new ArrayList<>();
        MicroCurrency.readOptional(campaign, "daily_budget_micro", currency, WHAT)
                .ifPresent(amount -> budgets.add(new Budget(BudgetPeriod.DAILY, amount)));
        MicroCurrency.readOptional(campaign, "lifetime_spend_cap_micro", currency, WHAT)
                .ifPresent(amount -> budgets.add(new Budget(BudgetPeriod.LIFETIME, amount)));
        return new Campaign(
                SnapJson.text(campaign, "id", WHAT),
                SnapJson.text(campaign, "name", WHAT),
                status(campaign),
                SnapJson.optionalText(campaign, "objective").orElse(""),
                budgets);
    }

    static EntityStatus status(ObjectNode campaign) {
        if (campaign.path("deleted").asBoolean(false)) {
            return EntityStatus.DELETED;
        }
        String status = SnapJson.text(campaign, "status", WHAT);
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            default -> throw SnapJson.malformed(WHAT, "unknown campaign status " + status);
        };
    }
}
