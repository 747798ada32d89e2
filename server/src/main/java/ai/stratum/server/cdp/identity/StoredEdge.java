package ai.stratum.server.cdp.identity;

import java.time.Instant;

/** An edge of the identity graph as stored. */
public record StoredEdge(Identifier from, Identifier to, long eventCount, Instant firstSeen, Instant lastSeen) {
}
