package ai.stratum.server.cdp.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The part of a tenant's identity graph a batch of events touches, as stored: the owner of each
 * identifier the batch carries (absent when never seen) and the live profiles that own them.
 */
public record GraphSnapshot(Map<Identifier, UUID> owners, Map<UUID, ProfileNode> profiles) {

    public GraphSnapshot {
        owners = Map.copyOf(owners);
        profiles = Map.copyOf(profiles);
        for (UUID owner : owners.values()) {
            if (!profiles.containsKey(owner)) {
                throw new IllegalArgumentException("identifier owner " + owner + " is not among the snapshot's profiles");
            }
        }
    }

    public static GraphSnapshot empty() {
        return new GraphSnapshot(Map.of(), Map.of());
    }

    public Optional<UUID> owner(Identifier identifier) {
        return Optional.ofNullable(owners.get(identifier));
    }
}
