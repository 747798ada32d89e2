package ai.stratum.server.signals.health;

import java.util.Objects;
import java.util.Optional;

/**
 * One component's score and, when the score is below 100, why.
 *
 * @param score 0-100
 * @param cause what pulls the score down, without the account (for example "newest data is 36.0 h old");
 *              empty when the score is 100
 */
record ComponentScore(double score, Optional<String> cause) {

    ComponentScore {
        Objects.requireNonNull(cause, "cause");
    }

    static ComponentScore perfect() {
        return new ComponentScore(100.0, Optional.empty());
    }

    static ComponentScore of(double score, String cause) {
        return new ComponentScore(score, Optional.of(cause));
    }
}
