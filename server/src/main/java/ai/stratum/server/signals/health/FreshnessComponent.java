package ai.stratum.server.signals.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Seed 002's {@code calculate_freshness_component}: 100 up to the maximum data age (24 h), 0 from
 * the stale age (48 h), linear in between.
 *
 * <p>The seed always has a timestamp. An account that never received data has none; it is scored as
 * stale (0), since there is nothing fresh to trust. A timestamp in the future (clock skew) is as
 * fresh as can be.
 */
final class FreshnessComponent {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final double maxAgeHours;
    private final double staleAgeHours;

    FreshnessComponent(TrustSettings settings) {
        this.maxAgeHours = settings.maxDataAgeHours();
        this.staleAgeHours = settings.staleDataAgeHours();
    }

    ComponentScore score(Optional<Instant> lastReceivedAt, Instant now) {
        if (lastReceivedAt.isEmpty()) {
            return ComponentScore.of(0.0, "no data has been received");
        }
        double ageHours = ageHours(lastReceivedAt.get(), now);
        double score = scoreOf(ageHours);
        return score < 100.0
                ? ComponentScore.of(score, "newest data is " + OneDecimal.of(ageHours) + " h old")
                : ComponentScore.perfect();
    }

    double scoreOf(double ageHours) {
        if (ageHours <= maxAgeHours) {
            return 100.0;
        }
        if (ageHours >= staleAgeHours) {
            return 0.0;
        }
        double decay = (ageHours - maxAgeHours) / (staleAgeHours - maxAgeHours);
        return 100.0 * (1.0 - decay);
    }

    private static double ageHours(Instant receivedAt, Instant now) {
        Duration age = Duration.between(receivedAt, now);
        return (age.getSeconds() + age.getNano() / 1e9) / SECONDS_PER_HOUR;
    }
}
