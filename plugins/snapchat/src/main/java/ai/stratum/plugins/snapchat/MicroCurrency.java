package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Snap's money unit. Every amount the Marketing API reads or writes ({@code spend},
 * {@code conversion_purchases_value}, {@code daily_budget_micro}, {@code lifetime_spend_cap_micro},
 * {@code bid_micro}) is a whole number of micro-currency units in the ad account's currency:
 * 1,000,000 is one unit (USD 1.00). That is exactly {@link Money#micros()}, so amounts pass through
 * unchanged, as {@code long}, never through a floating-point number.
 */
final class MicroCurrency {

    private MicroCurrency() {
    }

    /** A required amount, for example a day's {@code spend}. */
    static Money read(JsonNode node, String field, String currency, String what) {
        return new Money(SnapJson.nonNegativeLong(node, field, what), currency);
    }

    /** An amount Snap may leave out, for example a campaign without a daily budget. */
    static Optional<Money> readOptional(JsonNode node, String field, String currency, String what) {
        var micros = SnapJson.optionalNonNegativeLong(node, field, what);
        return micros.isPresent() ? Optional.of(new Money(micros.getAsLong(), currency)) : Optional.empty();
    }

    /**
     * The micro-currency value to send for an amount.
     *
     * @throws ConnectorException rejected when the amount is not in the account's currency: Snap would
     *                            read the number in its own currency and spend a different sum
     */
    static long toMicros(Money amount, String accountCurrency) {
        if (!amount.currency().equals(accountCurrency)) {
            throw ConnectorException.rejected("the amount is in " + amount.currency()
                    + " but the Snapchat ad account is in " + accountCurrency, null);
        }
        return amount.micros();
    }
}
