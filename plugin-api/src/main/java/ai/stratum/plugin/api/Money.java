package ai.stratum.plugin.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money: millionths of the currency's major unit (micros) and the ISO 4217
 * currency code. USD 12.34 is {@code new Money(12_340_000, "USD")}.
 *
 * <p>Platforms report money in different units (Google and Snapchat in micros, Meta budgets in
 * minor units and spend as decimal strings, TikTok as decimals). Convert with {@link #parse} and
 * {@link #ofMinorUnits}, which are exact; never go through {@code double}.
 *
 * @param micros   the amount in millionths of the major unit
 * @param currency the ISO 4217 code, upper case, for example {@code EUR}
 */
public record Money(long micros, String currency) {

    private static final long MICROS_PER_UNIT = 1_000_000L;

    /**
     * Creates an amount.
     *
     * @param micros the amount in millionths of the major unit
     * @param currency the ISO 4217 code, upper case, for example {@code EUR}
     * @throws IllegalArgumentException when the currency is not an upper-case ISO 4217 code
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code: " + currency);
        }
        Currency.getInstance(currency);
    }

    /**
     * Parses a decimal amount in the major unit, as Meta reports spend ({@code "12.34"}).
     *
     * @param decimal  the amount, for example {@code "12.34"} or {@code "-0.5"}
     * @param currency the ISO 4217 code
     * @return the exact amount
     * @throws IllegalArgumentException when the text is not a number or is finer than a micro
     */
    public static Money parse(String decimal, String currency) {
        BigDecimal major;
        try {
            major = new BigDecimal(decimal.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount: " + decimal, e);
        }
        try {
            return new Money(major.movePointRight(6).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is finer than a micro or too large: " + decimal, e);
        }
    }

    /**
     * Converts an amount in the currency's minor unit (cents for USD, yen for JPY), as Meta
     * reports budgets. The number of minor units per major unit is the currency's ISO 4217
     * default.
     *
     * @param minorUnits the amount in minor units
     * @param currency   the ISO 4217 code
     * @return the exact amount
     */
    public static Money ofMinorUnits(long minorUnits, String currency) {
        int fractionDigits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        long microsPerMinorUnit = MICROS_PER_UNIT / BigDecimal.TEN.pow(fractionDigits).longValueExact();
        return new Money(Math.multiplyExact(minorUnits, microsPerMinorUnit), currency);
    }

    /**
     * This amount in the currency's minor unit, for platforms that take budgets that way.
     *
     * @return the amount in minor units
     * @throws ArithmeticException when the amount has a fraction of a minor unit
     */
    public long toMinorUnits() {
        int fractionDigits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return toDecimal().movePointRight(fractionDigits).longValueExact();
    }

    /**
     * This amount in the major unit as an exact decimal, for platforms that take decimal strings.
     *
     * @return the amount, for example {@code 12.34} for 12,340,000 micros
     */
    public BigDecimal toDecimal() {
        BigDecimal decimal = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        // stripTrailingZeros turns 100 into 1E+2; keep whole amounts plain
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
