package ai.stratum.server.cdp.segment;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A profile entering or leaving a segment; GraphQL's {@code SegmentMembershipChange}. */
@Serdeable
public record MembershipChange(UUID segmentId, UUID profileId, Change change, Instant at) {

    public enum Change {
        ENTERED,
        LEFT
    }
}
