package ai.stratum.server.signals.health;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An account's health with the spend it weighs by when rolled up to a platform or a tenant.
 *
 * @param health the account's health
 * @param spend  the account's spend over the period the roll-up covers, when known
 */
public record WeightedHealth(SignalHealth health, OptionalDouble spend) {

    /** @throws IllegalArgumentException when the spend is negative, NaN or infinite */
    public WeightedHealth {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(spend, "spend");
        if (spend.isPresent() && !(spend.getAsDouble() >= 0 && Double.isFinite(spend.getAsDouble()))) {
            throw new IllegalArgumentException("spend must be a finite, non-negative number, was "
                    + spend.getAsDouble());
        }
    }
}
