package ai.stratum.server.cdp.identity;

import java.time.Instant;

/**
 * Two identifiers seen in the same event(s): an edge of the identity graph. {@code from} sorts
 * before {@code to}, so a pair has one edge whichever order it arrived in.
 */
public record Edge(Identifier from, Identifier to, Instant firstSeen, Instant lastSeen, int events) {

    public Edge {
        if (from.compareTo(to) >= 0) {
            throw new IllegalArgumentException("an edge's from sorts before its to");
        }
    }

    Edge seenAgain(Instant at) {
        return new Edge(from, to, at.isBefore(firstSeen) ? at : firstSeen, at.isAfter(lastSeen) ? at : lastSeen, events + 1);
    }
}
