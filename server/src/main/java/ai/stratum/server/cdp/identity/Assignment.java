package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.UUID;

/** A new identifier and the profile it now belongs to, first seen at {@code firstSeen}. */
public record Assignment(Identifier identifier, UUID profile, Instant firstSeen) {
}
