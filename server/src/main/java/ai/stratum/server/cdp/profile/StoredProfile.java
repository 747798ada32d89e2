package ai.stratum.server.cdp.profile;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A profile row: its state, the lifecycle stored with it, and whether it was merged into another. */
public record StoredProfile(ProfileState state, Lifecycle lifecycle, Instant updatedAt, Optional<UUID> mergedInto) {

    public UUID id() {
        return state.id();
    }
}
