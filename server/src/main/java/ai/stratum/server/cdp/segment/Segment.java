package ai.stratum.server.cdp.segment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A stored segment: its rules, already validated. */
public record Segment(UUID id, String name, SegmentRule rules, Instant createdAt, Instant updatedAt, Optional<Instant> evaluatedAt) {
}
