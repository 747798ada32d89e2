package ai.stratum.server.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stored exchange rate (1 {@code base} = {@code rate} {@code quote}) as it was applied to some of
 * a row's days: amounts in {@code base} were multiplied by it, amounts in {@code quote} divided.
 *
 * @param rateDate    the day of the rate: the performance day, or the newest earlier day with a rate
 * @param appliedFrom the first performance day converted with it
 * @param appliedTo   the last performance day converted with it
 */
public record FxConversion(String base, String quote, BigDecimal rate, LocalDate rateDate, String source,
                           LocalDate appliedFrom, LocalDate appliedTo) {

    public FxConversion {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(rateDate, "rateDate");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(appliedFrom, "appliedFrom");
        Objects.requireNonNull(appliedTo, "appliedTo");
    }
}
