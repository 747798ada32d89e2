package ai.stratum.server.trust.config;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An emergency stop in force: the tenant's autopilot is FROZEN whatever the health says. */
public record AutopilotFreeze(String reason, Optional<UUID> by, Instant since) {
}
