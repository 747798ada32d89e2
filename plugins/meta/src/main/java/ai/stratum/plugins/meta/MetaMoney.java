package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;

/**
 * Converts Meta's money units, exactly: budgets and bids are whole numbers of the account
 * currency's minor unit ({@code "45000"} is USD 450.00, {@code "45000"} is JPY 45,000), spend and
 * action values are decimal strings in the major unit ({@code "437.29"}).
 */
final class MetaMoney {

    private MetaMoney() {
    }

    /** @return the amount of a budget or bid in minor units; malformed when negative */
    static Money fromMinorUnits(long minorUnits, String currency, String what) {
        if (minorUnits < 0) {
            throw JsonFields.malformed(what + " is negative: " + minorUnits);
        }
        try {
            return Money.ofMinorUnits(minorUnits, currency);
        } catch (ArithmeticException e) {
            throw ConnectorException.malformedResponse(what + " is too large: " + minorUnits, e);
        }
    }

    /** @return the amount of a decimal string in the major unit; malformed when not a non-negative decimal */
    static Money fromDecimal(String decimal, String currency, String what) {
        Money money;
        try {
            money = Money.parse(decimal, currency);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.malformedResponse(what + " is not an exact decimal amount: " + decimal, e);
        }
        if (money.micros() < 0) {
            throw JsonFields.malformed(what + " is negative: " + decimal);
        }
        return money;
    }

    /**
     * @return the amount in minor units, as Meta's budget and bid fields take it
     * @throws ConnectorException rejected when the amount has a fraction of a minor unit, which Meta cannot take
     */
    static String toMinorUnits(Money amount) {
        try {
            return Long.toString(amount.toMinorUnits());
        } catch (ArithmeticException e) {
            throw ConnectorException.rejected("Meta takes budgets and bids in whole minor units of "
                    + amount.currency() + "; " + amount.toDecimal().toPlainString() + " has a finer fraction", null);
        }
    }
}
