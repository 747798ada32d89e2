package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of {@code performance}: a group, its totals in the tenant's currency, the ratios of
 * those totals and the exchange rates that went into them. The accessors are the GraphQL fields.
 */
public record PerformanceRow(PerformanceGroup group, PerformanceTotals totals, PerformanceRatios ratios, String currency,
                             List<FxConversion> fx) {

    public PerformanceRow {
        fx = List.copyOf(fx);
    }

    public static PerformanceRow of(PerformanceGroup group, PerformanceTotals totals, String currency, List<FxConversion> fx) {
        return new PerformanceRow(group, totals, PerformanceRatios.of(totals), currency, fx);
    }

    public Optional<Platform> platform() {
        return group.platform();
    }

    public Optional<String> accountId() {
        return group.accountId();
    }

    public Optional<String> campaignId() {
        return group.campaignId();
    }

    public Optional<String> campaignName() {
        return group.campaignName();
    }

    public Optional<LocalDate> date() {
        return group.date();
    }

    public double spend() {
        return units(totals.spendMicros());
    }

    public long spendMicros() {
        return totals.spendMicros();
    }

    public double revenue() {
        return units(totals.revenueMicros());
    }

    public long revenueMicros() {
        return totals.revenueMicros();
    }

    public long impressions() {
        return totals.impressions();
    }

    public long clicks() {
        return totals.clicks();
    }

    public double conversions() {
        return totals.conversions();
    }

    public OptionalDouble ctr() {
        return ratios.ctr();
    }

    public OptionalDouble cpc() {
        return ratios.cpc();
    }

    public OptionalDouble cpa() {
        return ratios.cpa();
    }

    public OptionalDouble roas() {
        return ratios.roas();
    }

    static double units(long micros) {
        return BigDecimal.valueOf(micros, 6).doubleValue();
    }
}
