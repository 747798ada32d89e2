package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The report metrics the sandbox simulates, every value a string as TikTok writes them: money with
 * two decimals, counts as digits, rates with two decimals.
 * <ul>
 *   <li>{@code spend}, {@code impressions}, {@code clicks}, {@code ctr} (percent), {@code cpc},
 *       {@code cpm};</li>
 *   <li>{@code complete_payment}: the website purchases (the pixel's Complete Payment events) and
 *       {@code total_complete_payment_rate}: their value (TikTok's name for a value, not a rate),
 *       {@code complete_payment_roas} and {@code value_per_complete_payment};</li>
 *   <li>{@code conversion}: the results of the campaign's optimization event, which for a campaign
 *       optimized for Complete Payment are the same purchases again (so a client that adds
 *       {@code conversion} to {@code complete_payment} counts them twice), and 0 for campaigns
 *       optimized for clicks or reach, {@code cost_per_conversion};</li>
 *   <li>{@code purchase} and {@code total_purchase_value}: in-app purchases, none for the
 *       simulated web shops.</li>
 * </ul>
 */
final class ReportMetrics {

    static final Set<String> SIMULATED = Set.of("spend", "impressions", "clicks", "ctr", "cpc", "cpm",
            "complete_payment", "total_complete_payment_rate", "complete_payment_roas", "value_per_complete_payment",
            "conversion", "cost_per_conversion", "purchase", "total_purchase_value");

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private ReportMetrics() {
    }

    /** @throws TikTokError for a metric the sandbox does not simulate */
    static void requireSimulated(List<String> metrics) {
        for (String metric : metrics) {
            if (!SIMULATED.contains(metric)) {
                throw TikTokError.parameter("metrics: Invalid metric " + metric + "; the sandbox simulates "
                        + SIMULATED.stream().sorted().toList() + ".");
            }
        }
    }

    /** @return the row's {@code metrics} object with the metrics asked for */
    static ObjectNode render(List<String> metrics, ReportRow row) {
        ObjectNode rendered = Json.object();
        metrics.forEach(metric -> rendered.put(metric, value(metric, row)));
        return rendered;
    }

    private static String value(String metric, ReportRow row) {
        BigDecimal spend = BigDecimal.valueOf(row.spendMicros()).divide(MILLION);
        BigDecimal revenue = BigDecimal.valueOf(row.revenueMicros()).divide(MILLION);
        return switch (metric) {
            case "spend" -> TikTokAmounts.metric(row.spendMicros());
            case "impressions" -> String.valueOf(row.impressions());
            case "clicks" -> String.valueOf(row.clicks());
            case "ctr" -> TikTokAmounts.ratio(BigDecimal.valueOf(row.clicks() * 100L),
                    BigDecimal.valueOf(row.impressions()));
            case "cpc" -> TikTokAmounts.ratio(spend, BigDecimal.valueOf(row.clicks()));
            case "cpm" -> TikTokAmounts.ratio(spend.multiply(BigDecimal.valueOf(1000)),
                    BigDecimal.valueOf(row.impressions()));
            case "complete_payment" -> String.valueOf(row.purchases());
            case "total_complete_payment_rate" -> TikTokAmounts.metric(row.revenueMicros());
            case "complete_payment_roas" -> TikTokAmounts.ratio(revenue, spend);
            case "value_per_complete_payment" -> TikTokAmounts.ratio(revenue, BigDecimal.valueOf(row.purchases()));
            case "conversion" -> String.valueOf(row.optimizedResults());
            case "cost_per_conversion" -> TikTokAmounts.ratio(spend, BigDecimal.valueOf(row.optimizedResults()));
            case "purchase" -> "0";
            case "total_purchase_value" -> "0.00";
            default -> throw new IllegalArgumentException("not a simulated metric: " + metric);
        };
    }
}
