package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.HealthStatus;
import ai.stratum.server.trust.ActionType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of the seed's {@code trust_gate_audit_log}, with the account and action it concerns. */
public record TrustAuditEntry(UUID id, AuditDecisionType decisionType, ActionType actionType, Optional<EntityType> entityType,
                              Optional<String> entityId, Optional<String> entityName, Optional<Platform> platform,
                              Optional<String> accountId, Optional<UUID> actionId, Optional<Double> signalHealthScore,
                              Optional<HealthStatus> signalHealthStatus, Optional<Boolean> gatePassed, Object gateReason,
                              Object actionPayload, Object actionResult, Optional<Double> healthyThreshold,
                              Optional<Double> degradedThreshold, boolean isDryRun, boolean triggeredBySystem,
                              Optional<UUID> triggeredByUserId, Instant createdAt) {
}
