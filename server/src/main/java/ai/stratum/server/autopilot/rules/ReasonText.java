package ai.stratum.server.autopilot.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Formats the numbers that go into a proposal's reason, the same way everywhere, so a person
 * comparing two reasons compares like with like: amounts in major units with the currency's
 * decimals ({@code 120.00 USD}), percentages to at most one decimal ({@code 20 %},
 * {@code 12.5 %}) and ratios to two decimals ({@code 4.20}).
 */
final class ReasonText {

    private ReasonText() {
    }

    /** An amount of micros in major units, for example {@code 120.00 USD} or {@code 1500 JPY}. */
    static String money(long micros, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(micros, 6).setScale(digits, RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
    }

    /** A percentage, for example {@code 20 %} or {@code 12.5 %}. */
    static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }

    /** A signed percentage, for example {@code +20 %} or {@code -15 %}. */
    static String signedPercent(double value) {
        return (value >= 0 ? "+" : "-") + percent(Math.abs(value));
    }

    /** A ratio such as a ROAS, for example {@code 4.20}. */
    static String ratio(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
