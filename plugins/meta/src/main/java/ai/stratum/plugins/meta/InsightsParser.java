package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a page of {@code GET /act_{id}/insights?level=campaign&time_increment=1}: one row per
 * campaign and day, the day being Meta's {@code date_start} (= {@code date_stop}) in the account
 * time zone. Every metric is a string: {@code spend} a decimal in the account currency,
 * {@code impressions} and {@code clicks} whole numbers; a metric Meta leaves out is zero. The
 * conversions and revenue follow {@link PurchaseRule}.
 */
final class InsightsParser {

    /** The fields to ask for. */
    static final String FIELDS = "campaign_id,spend,impressions,clicks,actions,action_values,date_start,date_stop";

    private InsightsParser() {
    }

    static List<CampaignDailyPerformance> parse(JsonNode page, String currency) {
        List<CampaignDailyPerformance> rows = new ArrayList<>();
        for (JsonNode row : JsonFields.requiredArray(page, "data", "the insights page")) {
            rows.add(row(row, currency));
        }
        return rows;
    }

    private static CampaignDailyPerformance row(JsonNode row, String currency) {
        String campaignId = JsonFields.requiredText(row, "campaign_id", "an insights row");
        LocalDate day = date(row, "date_start", campaignId);
        String what = "the insights row of campaign " + campaignId + " on " + day;
        if (!day.equals(date(row, "date_stop", campaignId))) {
            throw JsonFields.malformed(what + " spans more than one day");
        }
        JsonNode actions = JsonFields.optionalArray(row, "actions", what);
        JsonNode actionValues = JsonFields.optionalArray(row, "action_values", what);
        Optional<String> purchaseType = PurchaseRule.chosenType(actions, actionValues);
        double conversions = purchaseType.flatMap(type -> PurchaseRule.valueOf(actions, type))
                .map(count -> PurchaseRule.count(count, what + " purchases"))
                .orElse(0.0);
        Money revenue = purchaseType.flatMap(type -> PurchaseRule.valueOf(actionValues, type))
                .map(value -> MetaMoney.fromDecimal(value, currency, what + " purchase value"))
                .orElse(new Money(0, currency));
        Money spend = JsonFields.optionalDecimal(row, "spend", what)
                .map(value -> MetaMoney.fromDecimal(value, currency, what + " spend"))
                .orElse(new Money(0, currency));
        return new CampaignDailyPerformance(campaignId, day, spend,
                count(row, "impressions", what), count(row, "clicks", what), conversions, revenue);
    }

    private static long count(JsonNode row, String field, String what) {
        long value = JsonFields.optionalLong(row, field, what).orElse(0L);
        if (value < 0) {
            throw JsonFields.malformed(what + " has negative " + field);
        }
        return value;
    }

    private static LocalDate date(JsonNode row, String field, String campaignId) {
        String text = JsonFields.requiredText(row, field, "the insights row of campaign " + campaignId);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonFields.malformed("the insights row of campaign " + campaignId + " has a " + field
                    + " that is not a date: " + text);
        }
    }
}
