package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the campaigns of {@code GET /open_api/v1.3/campaign/get/} ({@code data.list[]}).
 *
 * <p>Status: {@code secondary_status} {@code CAMPAIGN_STATUS_DELETE} is {@link EntityStatus#DELETED}
 * whatever the operation status says; otherwise {@code operation_status} {@code ENABLE} is
 * {@link EntityStatus#ACTIVE} (allowed to deliver, even when a secondary status such as
 * "budget exceeded" stops it for now) and {@code DISABLE} is {@link EntityStatus#PAUSED}.
 *
 * <p>Budget: {@code budget} is a decimal amount in the advertiser's currency, read exactly.
 * {@code BUDGET_MODE_DAY} (and {@code BUDGET_MODE_DYNAMIC_DAILY_BUDGET}, an average daily budget)
 * is a daily budget, {@code BUDGET_MODE_TOTAL} a lifetime one, and {@code BUDGET_MODE_INFINITE}
 * means the campaign has no budget of its own (its ad groups carry them).
 */
final class CampaignParser {

    private CampaignParser() {
    }

    static List<Campaign> parseAll(JsonNode data, String currency) {
        JsonNode list = data.path("list");
        if (!list.isArray()) {
            throw ConnectorException.malformedResponse("TikTok's campaign/get answer has no data.list", null);
        }
        List<Campaign> campaigns = new ArrayList<>(list.size());
        list.forEach(node -> campaigns.add(parse(node, currency)));
        return campaigns;
    }

    static Campaign parse(JsonNode node, String currency) {
        String id = node.path("campaign_id").asText("");
        if (id.isEmpty() || !node.path("campaign_name").isTextual()) {
            throw ConnectorException.malformedResponse("a TikTok campaign lacks campaign_id or campaign_name", null);
        }
        String objective = node.path("objective_type").asText(node.path("objective").asText(""));
        return new Campaign(id, node.path("campaign_name").asText(), status(node), objective, budgets(node, currency));
    }

    static EntityStatus status(JsonNode node) {
        String secondary = node.path("secondary_status").asText("");
        if ("CAMPAIGN_STATUS_DELETE".equals(secondary)) {
            return EntityStatus.DELETED;
        }
        String operation = node.path("operation_status").asText("");
        return switch (operation) {
            case "ENABLE" -> EntityStatus.ACTIVE;
            case "DISABLE" -> EntityStatus.PAUSED;
            default -> switch (secondary) {
                case "CAMPAIGN_STATUS_ENABLE" -> EntityStatus.ACTIVE;
                case "CAMPAIGN_STATUS_DISABLE" -> EntityStatus.PAUSED;
                default -> throw ConnectorException.malformedResponse("TikTok campaign " + node.path("campaign_id")
                        .asText() + " has an unknown status: operation_status '" + operation
                        + "', secondary_status '" + secondary + "'", null);
            };
        };
    }

    private static List<Budget> budgets(JsonNode node, String currency) {
        String mode = node.path("budget_mode").asText("BUDGET_MODE_INFINITE");
        BudgetPeriod period = switch (mode) {
            case "BUDGET_MODE_DAY", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET" -> BudgetPeriod.DAILY;
            case "BUDGET_MODE_TOTAL" -> BudgetPeriod.LIFETIME;
            case "BUDGET_MODE_INFINITE" -> null;
            default -> throw ConnectorException.malformedResponse("TikTok campaign " + node.path("campaign_id").asText()
                    + " has an unknown budget_mode '" + mode + "'", null);
        };
        if (period == null) {
            return List.of();
        }
        return List.of(new Budget(period, TikTokMoney.amount(node.path("budget"), currency, "campaign budget")));
    }
}
