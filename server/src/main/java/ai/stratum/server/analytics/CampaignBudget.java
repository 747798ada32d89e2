package ai.stratum.server.analytics;

import ai.stratum.plugin.api.BudgetPeriod;

/** A campaign's budget in micro-units of the campaign's currency. */
public record CampaignBudget(long amountMicros, BudgetPeriod period, String currency) {

    /** In currency units, for display; {@link #amountMicros()} is the exact amount. */
    public double amount() {
        return PerformanceRow.units(amountMicros);
    }
}
