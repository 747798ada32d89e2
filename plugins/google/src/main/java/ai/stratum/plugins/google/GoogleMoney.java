package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts Google's two money representations to exact {@link Money}:
 * <ul>
 *   <li>{@code *_micros} fields (cost, budgets, bids): int64 millionths of the account currency,
 *       taken as they are;</li>
 *   <li>{@code metrics.conversions_value}: a double in the account currency. It is read as the
 *       exact decimal Google wrote (never as a Java {@code double}) and rounded half-even to the
 *       micro, since a double may carry more digits than a micro holds.</li>
 * </ul>
 */
final class GoogleMoney {

    private GoogleMoney() {
    }

    /**
     * @param micros   millionths of the currency's major unit
     * @param currency the account's ISO 4217 code
     * @return the amount
     */
    static Money ofMicros(long micros, String currency) {
        if (micros < 0) {
            throw ConnectorException.malformedResponse("Google Ads reported a negative amount: " + micros, null);
        }
        return new Money(micros, currency);
    }

    /**
     * @param amount   an amount in the major unit, as the decimal Google wrote
     * @param currency the account's ISO 4217 code
     * @return the amount, rounded half-even to the micro
     */
    static Money ofDecimal(BigDecimal amount, String currency) {
        if (amount.signum() < 0) {
            throw ConnectorException.malformedResponse("Google Ads reported a negative amount: " + amount, null);
        }
        try {
            return new Money(amount.setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw ConnectorException.malformedResponse("Google Ads amount out of range: " + amount, e);
        }
    }
}
