package ai.stratum.plugins.google;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads a row of {@link Gaql#dailyPerformance} into a {@link CampaignDailyPerformance}.
 *
 * <p><b>The conversion rule on Google Ads.</b> A conversion is what Google reports in
 * {@code metrics.conversions}, and its value is {@code metrics.conversions_value}. Both count only
 * the conversion actions the advertiser marked <i>primary</i> (those with
 * {@code include_in_conversions_metric}), each conversion once, credited by the action's attribution
 * model, by default data-driven, which splits one conversion over several clicks and so yields
 * fractions ({@code 24.66}). Secondary actions ({@code metrics.all_conversions}) are never added in,
 * so nothing is counted twice. Conversions are attributed to the day of the ad interaction, which is
 * why the host re-reads a lookback window for late conversions.
 *
 * <p>Units: {@code metrics.cost_micros} is an exact int64 of account-currency micros (a JSON
 * string); {@code metrics.conversions_value} is a double in the account currency, read as the exact
 * decimal Google wrote and rounded half-even to the micro ({@link GoogleMoney}); impressions and
 * clicks are int64 strings. A metric Google leaves out holds its proto3 default, zero.
 * {@code segments.date} is the day in the account's time zone.
 */
final class DailyPerformanceParser {

    private DailyPerformanceParser() {
    }

    static CampaignDailyPerformance parse(JsonNode row, String currency) {
        String what = "a daily performance row";
        String campaignId = GoogleJson.requiredText(row, "campaign.id", what);
        LocalDate date = GoogleJson.requiredDate(row, "segments.date", what);
        JsonNode metrics = row.path("metrics");
        long costMicros = GoogleJson.optionalInt64(metrics, "costMicros", what).orElse(0L);
        long impressions = GoogleJson.optionalInt64(metrics, "impressions", what).orElse(0L);
        long clicks = GoogleJson.optionalInt64(metrics, "clicks", what).orElse(0L);
        BigDecimal conversions = GoogleJson.optionalDecimal(metrics, "conversions", what).orElse(BigDecimal.ZERO);
        BigDecimal value = GoogleJson.optionalDecimal(metrics, "conversionsValue", what).orElse(BigDecimal.ZERO);
        if (impressions < 0 || clicks < 0 || conversions.signum() < 0) {
            throw GoogleJson.malformed("negative metrics for campaign " + campaignId + " on " + date);
        }
        return new CampaignDailyPerformance(campaignId, date, GoogleMoney.ofMicros(costMicros, currency),
                impressions, clicks, conversions.doubleValue(), GoogleMoney.ofDecimal(value, currency));
    }
}
