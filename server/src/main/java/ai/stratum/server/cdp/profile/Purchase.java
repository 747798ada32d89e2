package ai.stratum.server.cdp.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An order event's contribution to a profile: one order and, when the event said how much, its
 * revenue in exact micro-units of {@code currency}.
 */
public record Purchase(Optional<Long> revenueMicros, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    public Purchase {
        Objects.requireNonNull(revenueMicros, "revenueMicros");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
        revenueMicros.ifPresent(micros -> {
            if (micros < 0) {
                throw new IllegalArgumentException("revenue is never negative");
            }
        });
    }
}
