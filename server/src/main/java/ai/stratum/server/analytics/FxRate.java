package ai.stratum.server.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** On {@code date}, 1 {@code base} was worth {@code rate} {@code quote}, according to {@code source}. */
public record FxRate(String base, String quote, LocalDate date, BigDecimal rate, String source, Instant fetchedAt) {

    /** The pair and day, which identify a stored rate. */
    record Key(String base, String quote, LocalDate date) {
    }

    Key key() {
        return new Key(base, quote, date);
    }
}
