package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** A live profile as identity resolution sees it: when it was created and what identifiers it holds. */
public record ProfileNode(UUID id, Instant createdAt, IdentifierCounts counts) {

    /** The oldest first; equally old profiles by id, so the survivor of a merge never depends on input order. */
    public static final Comparator<ProfileNode> OLDEST_FIRST =
            Comparator.comparing(ProfileNode::createdAt).thenComparing(ProfileNode::id);
}
