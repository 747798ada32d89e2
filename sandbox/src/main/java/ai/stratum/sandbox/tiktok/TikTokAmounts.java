package ai.stratum.sandbox.tiktok;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * TikTok's money: decimal amounts in the currency's major unit. Entities carry them as JSON
 * numbers with at least one decimal ({@code "budget": 350.0}, {@code 123.45}); reports as strings
 * with two decimals ({@code "spend": "289.33"}). Amounts TikTok is sent may have no more decimals
 * than the currency has (cents for USD, none for JPY).
 */
final class TikTokAmounts {

    private static final int MICROS_SCALE = 6;

    private TikTokAmounts() {
    }

    /** @return the amount as a JSON number on an entity */
    static BigDecimal entity(long micros) {
        BigDecimal amount = BigDecimal.valueOf(micros, MICROS_SCALE).stripTrailingZeros();
        return amount.scale() < 1 ? amount.setScale(1) : amount;
    }

    /** @return the amount as a report metric */
    static String metric(long micros) {
        return BigDecimal.valueOf(micros, MICROS_SCALE).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** @return {@code numerator / denominator} with two decimals, "0.00" when the denominator is 0 */
    static String ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return "0.00";
        }
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * @param amount   an amount sent to TikTok
     * @param currency the advertiser's currency
     * @param field    the field, for the error
     * @return the amount in micros
     * @throws TikTokError when it is not positive or has more decimals than the currency
     */
    static long micros(BigDecimal amount, String currency, String field) {
        if (amount.signum() <= 0) {
            throw TikTokError.parameter(field + ": Must be greater than 0.");
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > Math.max(0, digits)) {
            throw TikTokError.parameter(field + ": At most " + digits + " decimal places are allowed for "
                    + currency + ".");
        }
        return amount.movePointRight(MICROS_SCALE).longValueExact();
    }
}
