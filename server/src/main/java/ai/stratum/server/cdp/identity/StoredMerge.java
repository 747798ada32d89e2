package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of the merge history: a merge ({@code merged} true; {@code reason} a {@link MergeReason})
 * or a refused link ({@code reason} an {@link IdentityLimit}).
 */
public record StoredMerge(UUID id, boolean merged, String reason, UUID profileId, Optional<UUID> otherProfileId, Identifier identifier,
                          List<Identifier> eventIdentifiers, UUID sourceId, String messageId, Instant createdAt) {
}
