package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.simulation.Objective;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/**
 * Meta's units and labels: budgets and bids are whole numbers of the account currency's minor unit
 * ({@code "45000"} is USD 450.00), spend and action values decimal strings in the major unit
 * ({@code "437.29"}), times {@code 2026-09-14T17:30:00-0700}, objectives the ODAX
 * {@code OUTCOME_*} names.
 */
final class MetaUnits {

    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private MetaUnits() {
    }

    /** @return the amount in the currency's minor units, as Meta's budget and bid fields give it */
    static long toMinorUnits(long micros, String currency) {
        return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(microsPerMinorUnit(currency)), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** @return the micros of an amount in minor units */
    static long fromMinorUnits(long minorUnits, String currency) {
        return Math.multiplyExact(minorUnits, microsPerMinorUnit(currency));
    }

    /** @return the amount as Meta writes spend and values: a decimal in the major unit, the currency's digits */
    static String decimal(long micros, String currency) {
        return BigDecimal.valueOf(micros, 6).setScale(digits(currency), RoundingMode.HALF_UP).toPlainString();
    }

    /** @return a ratio as Meta writes ROAS, CTR, CPC and CPM: at most six decimals, no trailing zeros */
    static String ratio(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal ratio = numerator.divide(denominator, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return (ratio.scale() < 0 ? ratio.setScale(0) : ratio).toPlainString();
    }

    /** @return a time as Graph writes it, in the given zone */
    static String time(Instant instant, ZoneId zone) {
        return GRAPH_TIME.format(instant.atZone(zone));
    }

    /** @return the start of a day as Graph writes it, in the account's zone */
    static String time(LocalDate day, ZoneId zone) {
        return GRAPH_TIME.format(day.atStartOfDay(zone));
    }

    /** @return Meta's name of the objective */
    static String objective(Objective objective) {
        return switch (objective) {
            case SALES -> "OUTCOME_SALES";
            case TRAFFIC -> "OUTCOME_TRAFFIC";
            case AWARENESS -> "OUTCOME_AWARENESS";
        };
    }

    /** @return the optimization goal of an ad set bought for the objective */
    static String optimizationGoal(Objective objective) {
        return switch (objective) {
            case SALES -> "OFFSITE_CONVERSIONS";
            case TRAFFIC -> "LINK_CLICKS";
            case AWARENESS -> "REACH";
        };
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static long microsPerMinorUnit(String currency) {
        return BigDecimal.TEN.pow(6 - digits(currency)).longValueExact();
    }
}
