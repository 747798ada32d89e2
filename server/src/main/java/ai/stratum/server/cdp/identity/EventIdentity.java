package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identifiers one event carries, as identity resolution needs them.
 *
 * @param identifiers normalized, distinct
 * @param previousId  an alias call's previousId: a user id when the graph knows it as one, an
 *                    anonymous id otherwise, which only resolution can tell
 * @param timestamp   when the event happened, for first and last sightings
 */
public record EventIdentity(List<Identifier> identifiers, Optional<String> previousId, Instant timestamp) {

    public EventIdentity {
        identifiers = identifiers.stream().distinct().sorted().toList();
        Objects.requireNonNull(previousId, "previousId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (identifiers.isEmpty() && previousId.isEmpty()) {
            throw new IllegalArgumentException("an event carries at least one identifier");
        }
    }

    public boolean isAlias() {
        return previousId.isPresent();
    }
}
