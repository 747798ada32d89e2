package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.RiskLevel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code automation_actions}: the seed's AutomationAction plus the gate's decision, the
 * status and the idempotency key. Also what {@code actionStatusChanged} carries between instances.
 */
@Serdeable
public record StoredAction(String id, String tenantId, Platform platform, String accountId, EntityType entityType, String entityId,
                           ActionType actionType, Map<String, Object> parameters, ActionStatus status, GateDecision decision,
                           RiskLevel riskLevel, double threshold, List<String> reasons, String idempotencyKey,
                           boolean trustGatePassed, double signalHealthAtDecision, @Nullable Double signalHealthAtExecution,
                           @Nullable Object result, @Nullable String error, boolean isDryRun, @Nullable String rule,
                           @Nullable String createdByUserId, @Nullable String decidedByUserId, Instant createdAt,
                           @Nullable Instant executedAt) {
}
