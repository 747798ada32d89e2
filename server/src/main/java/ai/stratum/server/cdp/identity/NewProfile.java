package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.UUID;

/** A profile resolution created for an event whose identifiers were all new (or could join no one). */
public record NewProfile(UUID id, Instant createdAt) {
}
