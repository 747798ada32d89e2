package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads campaign-day rows of the synchronous report
 * {@code GET /open_api/v1.3/report/integrated/get/} ({@code report_type=BASIC},
 * {@code data_level=AUCTION_CAMPAIGN}, {@code dimensions=["campaign_id","stat_time_day"]}): each
 * row of {@code data.list[]} is {@code {dimensions{campaign_id, stat_time_day}, metrics{...}}},
 * every metric a string.
 *
 * <p><b>Conversion rule.</b> A conversion is a website purchase: TikTok's
 * {@code complete_payment} metric, the count of Complete Payment events of the advertiser's pixel
 * that TikTok attributes to the campaign under the ad group's attribution settings. Its value is
 * {@code total_complete_payment_rate}, which despite its name is the total value of those
 * purchases in the advertiser's currency (not a rate). Each purchase is counted once: the
 * {@code conversion} metric (the campaign's optimization event, which may be the same purchase
 * again or another event entirely) and the app-purchase metrics ({@code purchase},
 * {@code total_purchase_value}) are neither requested nor added.
 *
 * <p>{@code stat_time_day} is {@code "yyyy-MM-dd 00:00:00"}, the start of the day in the
 * advertiser's time zone; its date is the row's date, unchanged.
 */
final class DailyReportParser {

    /** The metrics this parser reads, in the order they are requested. */
    static final List<String> METRICS = List.of(
            "spend", "impressions", "clicks", "complete_payment", "total_complete_payment_rate");

    private static final DateTimeFormatter STAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DailyReportParser() {
    }

    static List<CampaignDailyPerformance> parseAll(JsonNode data, String currency) {
        JsonNode list = data.path("list");
        if (!list.isArray()) {
            throw ConnectorException.malformedResponse("TikTok's report answer has no data.list", null);
        }
        List<CampaignDailyPerformance> rows = new ArrayList<>(list.size());
        list.forEach(row -> rows.add(parse(row, currency)));
        return rows;
    }

    static CampaignDailyPerformance parse(JsonNode row, String currency) {
        JsonNode dimensions = row.path("dimensions");
        JsonNode metrics = row.path("metrics");
        String campaignId = dimensions.path("campaign_id").asText("");
        if (campaignId.isEmpty() || !metrics.isObject()) {
            throw ConnectorException.malformedResponse("a TikTok report row lacks dimensions.campaign_id or metrics", null);
        }
        try {
            return new CampaignDailyPerformance(
                    campaignId,
                    day(dimensions.path("stat_time_day")),
                    money(metrics, "spend", currency),
                    count(metrics, "impressions"),
                    count(metrics, "clicks"),
                    decimal(metrics, "complete_payment").doubleValue(),
                    money(metrics, "total_complete_payment_rate", currency));
        } catch (IllegalArgumentException e) {
            throw ConnectorException.malformedResponse("TikTok report row for campaign " + campaignId
                    + " has impossible figures: " + e.getMessage(), e);
        }
    }

    /** @return the date of a {@code stat_time_day} value */
    static LocalDate day(JsonNode statTimeDay) {
        try {
            return LocalDateTime.parse(statTimeDay.asText(""), STAT_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            throw ConnectorException.malformedResponse("TikTok sent a stat_time_day that is not 'yyyy-MM-dd HH:mm:ss': '"
                    + statTimeDay.asText("") + "'", e);
        }
    }

    static Money money(JsonNode metrics, String name, String currency) {
        return TikTokMoney.amount(present(metrics, name), currency, name);
    }

    static long count(JsonNode metrics, String name) {
        BigDecimal value = decimal(metrics, name);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw ConnectorException.malformedResponse("TikTok sent a " + name + " that is not a whole count: " + value, e);
        }
    }

    static BigDecimal decimal(JsonNode metrics, String name) {
        JsonNode value = present(metrics, name);
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw ConnectorException.malformedResponse("TikTok sent a " + name + " that is not a number: '"
                    + value.asText() + "'", e);
        }
    }

    private static JsonNode present(JsonNode metrics, String name) {
        JsonNode value = metrics.path(name);
        if (!value.isTextual() && !value.isNumber()) {
            throw ConnectorException.malformedResponse("a TikTok report row lacks the metric " + name, null);
        }
        return value;
    }
}
