package ai.stratum.sandbox.google;

import ai.stratum.sandbox.simulation.DayOutcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's metrics of a report row, summed over the simulation's daily outcomes.
 *
 * <p>{@code metrics.conversions} counts the simulated purchases: the primary conversion action, the
 * one Google's {@code conversions} column counts. The same purchases are counted again in
 * {@code metrics.all_conversions} together with the secondary actions Google adds there (here one
 * add-to-cart per 25 clicks, without value), so a client that added both columns would count a
 * purchase twice. {@code conversions_value} and {@code all_conversions_value} are the purchase
 * value in the account currency, as the exact decimal of its whole cents; cost is
 * {@code cost_micros}.
 */
final class ReportMetrics {

    /** Clicks per secondary conversion (an add-to-cart) counted only in all_conversions. */
    static final int CLICKS_PER_SECONDARY_CONVERSION = 25;

    private long costMicros;
    private long impressions;
    private long clicks;
    private long conversions;
    private long secondaryConversions;
    private long valueMicros;

    void add(DayOutcome outcome) {
        costMicros += outcome.spendMicros();
        impressions += outcome.impressions();
        clicks += outcome.clicks();
        conversions += outcome.conversions();
        secondaryConversions += outcome.clicks() / CLICKS_PER_SECONDARY_CONVERSION;
        valueMicros += outcome.revenueMicros();
    }

    boolean isZero() {
        return costMicros == 0 && impressions == 0 && clicks == 0 && conversions == 0 && valueMicros == 0;
    }

    Map<String, Object> fields() {
        BigDecimal value = BigDecimal.valueOf(valueMicros, 6).stripTrailingZeros();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("metrics.cost_micros", costMicros);
        fields.put("metrics.impressions", impressions);
        fields.put("metrics.clicks", clicks);
        fields.put("metrics.conversions", BigDecimal.valueOf(conversions));
        fields.put("metrics.conversions_value", value.signum() == 0 ? BigDecimal.ZERO : value);
        fields.put("metrics.all_conversions", BigDecimal.valueOf(conversions + secondaryConversions));
        fields.put("metrics.all_conversions_value", value.signum() == 0 ? BigDecimal.ZERO : value);
        return fields;
    }
}
