package ai.stratum.plugin.api;

import java.util.Objects;

/**
 * The target state of one entity in an {@link ActionRequest}. Always absolute (a budget of this
 * amount, a status of PAUSED), never relative: the host works out increases and decreases, so
 * applying a change twice gives the same result as applying it once.
 */
public sealed interface Change {

    /**
     * Set a budget.
     *
     * @param period the budget's period
     * @param amount the new amount, in the account's currency
     */
    record SetBudget(BudgetPeriod period, Money amount) implements Change {

        /**
         * Creates a budget change.
         *
         * @param period the budget's period
         * @param amount the new amount, in the account's currency
         * @throws IllegalArgumentException when the amount is negative
         */
        public SetBudget {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(amount, "amount");
            if (amount.micros() < 0) {
                throw new IllegalArgumentException("budget must not be negative: " + amount);
            }
        }
    }

    /**
     * Set a bid (bid amount, bid cap or cost target, as the entity's bid strategy uses).
     *
     * @param amount the new amount, in the account's currency
     */
    record SetBid(Money amount) implements Change {

        /**
         * Creates a bid change.
         *
         * @param amount the new amount, in the account's currency
         * @throws IllegalArgumentException when the amount is negative
         */
        public SetBid {
            Objects.requireNonNull(amount, "amount");
            if (amount.micros() < 0) {
                throw new IllegalArgumentException("bid must not be negative: " + amount);
            }
        }
    }

    /**
     * Set a delivery status.
     *
     * @param status the new status
     */
    record SetStatus(EntityStatus status) implements Change {

        /**
         * Creates a status change.
         *
         * @param status the new status
         */
        public SetStatus {
            Objects.requireNonNull(status, "status");
        }
    }
}
