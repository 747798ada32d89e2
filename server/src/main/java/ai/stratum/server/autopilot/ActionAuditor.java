package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.server.security.Caller;
import ai.stratum.server.signals.health.SignalHealth;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.Judgement;
import ai.stratum.server.trust.config.FeatureFlag;
import ai.stratum.server.trust.config.TrustContext;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns each step of an action's life into a {@code trust_gate_audit_log} row, with the signal
 * health that produced it. Decisions that change nothing may be left out (TRUST_AUDIT_LOGS off);
 * executions, failures and every human step are always written.
 */
@Singleton
class ActionAuditor {

    private final TrustAuditLog log;

    ActionAuditor(TrustAuditLog log) {
        this.log = log;
    }

    Mono<Void> decision(Connection connection, TenantId tenant, TrustContext context, StoredAction action, Judgement judgement,
                        Optional<UUID> by) {
        GateDecision decision = judgement.evaluation().decision();
        AuditDecisionType type = action.isDryRun() ? AuditDecisionType.DRY_RUN : switch (decision) {
            case PASS -> AuditDecisionType.EXECUTE;
            case HOLD -> AuditDecisionType.HOLD;
            case BLOCK -> AuditDecisionType.BLOCK;
        };
        boolean changesSomething = type == AuditDecisionType.EXECUTE;
        if (!changesSomething && !context.flags().on(FeatureFlag.TRUST_AUDIT_LOGS)) {
            return Mono.empty();
        }
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("reasons", judgement.evaluation().reasons());
        reason.put("riskLevel", judgement.evaluation().riskLevel().name());
        reason.put("threshold", judgement.evaluation().threshold());
        reason.put("autopilotMode", judgement.evaluation().autopilotMode().name());
        reason.put("issues", judgement.health().issues());
        return log.append(connection, tenant, entry(type, action, Optional.of(judgement.health()), context,
                decision == GateDecision.PASS, reason, Optional.empty(), by)).then();
    }

    Mono<Void> stopped(Connection connection, TenantId tenant, TrustContext context, StoredAction action, SignalHealth health,
                       String refusal, Optional<UUID> by) {
        AuditDecisionType type = action.status() == ActionStatus.PENDING_APPROVAL ? AuditDecisionType.HOLD : AuditDecisionType.BLOCK;
        return log.append(connection, tenant, entry(type, action, Optional.of(health), context, false,
                Map.of("reasons", java.util.List.of(refusal), "atExecution", true), Optional.empty(), by)).then();
    }

    Mono<Void> human(Connection connection, TenantId tenant, StoredAction action, AuditDecisionType step, Caller caller, String reason) {
        Map<String, Object> why = reason == null ? Map.of() : Map.of("reason", reason);
        return log.append(connection, tenant, new TrustAuditLog.Entry(step, action.actionType(), Optional.of(action.entityType()),
                Optional.of(action.entityId()), Optional.of(action.platform()), Optional.of(action.accountId()),
                Optional.of(UUID.fromString(action.id())), Optional.of(action.signalHealthAtDecision()), Optional.empty(),
                Optional.of(action.trustGatePassed()), why, payload(action), Optional.empty(), Optional.empty(), Optional.empty(),
                action.isDryRun(), Optional.of(caller.userId()))).then();
    }

    Mono<Void> outcome(Connection connection, TenantId tenant, StoredAction action, Optional<UUID> by) {
        AuditDecisionType type = action.status() == ActionStatus.EXECUTED ? AuditDecisionType.EXECUTED : AuditDecisionType.FAILED;
        Object result = action.status() == ActionStatus.EXECUTED ? action.result() : Map.of("error", String.valueOf(action.error()));
        return log.append(connection, tenant, new TrustAuditLog.Entry(type, action.actionType(), Optional.of(action.entityType()),
                Optional.of(action.entityId()), Optional.of(action.platform()), Optional.of(action.accountId()),
                Optional.of(UUID.fromString(action.id())), Optional.ofNullable(action.signalHealthAtExecution()), Optional.empty(),
                Optional.of(action.trustGatePassed()), Map.of(), payload(action), Optional.ofNullable(result), Optional.empty(),
                Optional.empty(), false, by)).then();
    }

    /** An emergency stop or a resume: tenant-wide, so no entity. */
    Mono<Void> autopilot(Connection connection, TenantId tenant, AuditDecisionType type, Caller caller, String reason) {
        return log.append(connection, tenant, new TrustAuditLog.Entry(type, ActionType.EMERGENCY_STOP, Optional.of(EntityType.ACCOUNT),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true), reason == null ? Map.of() : Map.of("reason", reason), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.of(caller.userId()))).then();
    }

    private static TrustAuditLog.Entry entry(AuditDecisionType type, StoredAction action, Optional<SignalHealth> health,
                                             TrustContext context, boolean passed, Object reason, Optional<Object> result,
                                             Optional<UUID> by) {
        return new TrustAuditLog.Entry(type, action.actionType(), Optional.of(action.entityType()), Optional.of(action.entityId()),
                Optional.of(action.platform()), Optional.of(action.accountId()), Optional.of(UUID.fromString(action.id())),
                health.map(SignalHealth::overallScore), health.map(SignalHealth::status), Optional.of(passed), reason,
                payload(action), result, Optional.of(context.gate().standardThreshold()),
                Optional.of(context.gate().holdThreshold()), action.isDryRun(), by);
    }

    private static Map<String, Object> payload(StoredAction action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("parameters", action.parameters());
        payload.put("idempotencyKey", action.idempotencyKey());
        if (action.rule() != null) {
            payload.put("rule", action.rule());
        }
        return payload;
    }
}
