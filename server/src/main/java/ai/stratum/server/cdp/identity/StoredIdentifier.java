package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.UUID;

/** An identifier as stored: its owner and when an event first carried it. */
public record StoredIdentifier(Identifier identifier, UUID profileId, Instant firstSeen) {
}
