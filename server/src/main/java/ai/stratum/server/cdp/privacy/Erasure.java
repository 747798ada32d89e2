package ai.stratum.server.cdp.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An erasure as recorded: no personal data.
 *
 * @param profileIds         the erased profile and the profiles that had been merged into it
 * @param audiencesClearedAt when audience sync removed the person from every platform audience; empty while pending
 */
public record Erasure(UUID id, List<UUID> profileIds, Instant erasedAt, int identifiers, long events, Optional<Instant> audiencesClearedAt) {

    public Erasure {
        profileIds = List.copyOf(profileIds);
    }

    public boolean audienceRemovalPending() {
        return audiencesClearedAt.isEmpty();
    }
}
