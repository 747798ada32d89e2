package ai.stratum.server.cdp;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.identity.StoredMerge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code IdentityGraph}: nodes, edges and merge history of one live profile. */
public record IdentityGraphView(UUID profileId, List<Node> nodes, List<EdgeView> edges, List<MergeView> merges, boolean truncated) {

    /** {@code IdentityNode}: an identifier; {@code id} is {@code TYPE:value}. */
    public record Node(String id, IdentifierType type, String value, Optional<UUID> profileId) {

        static Node of(Identifier identifier, Optional<UUID> owner) {
            return new Node(identifier.key(), identifier.type(), identifier.value(), owner);
        }
    }

    /** {@code IdentityEdge}. */
    public record EdgeView(String from, String to, int eventCount, Instant firstSeen, Instant lastSeen, boolean linked) {
    }

    /** {@code ProfileMerge}. */
    public record MergeView(UUID id, String outcome, String reason, UUID profileId, Optional<UUID> otherProfileId, Identifier identifier,
                            List<Identifier> eventIdentifiers, UUID sourceId, String messageId, Instant createdAt) {

        static MergeView of(StoredMerge merge) {
            return new MergeView(merge.id(), merge.merged() ? "MERGED" : "REFUSED", merge.reason(), merge.profileId(),
                    merge.otherProfileId(), merge.identifier(), merge.eventIdentifiers(), merge.sourceId(), merge.messageId(),
                    merge.createdAt());
        }
    }
}
