package ai.stratum.plugin.api;

import java.util.Objects;

/**
 * A budget set on a campaign or ad set.
 *
 * @param period the period the amount covers
 * @param amount the amount, in the account's currency
 */
public record Budget(BudgetPeriod period, Money amount) {

    /**
     * Creates a budget.
     *
     * @param period the period the amount covers
     * @param amount the amount, in the account's currency
     * @throws IllegalArgumentException when the amount is negative
     */
    public Budget {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        if (amount.micros() < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + amount);
        }
    }
}
