package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.RiskLevel;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code automation_actions}. Status changes are compare-and-set, so two executors never both claim an action. */
@Singleton
class ActionRepository {

    private final JsonMapper json;

    ActionRepository(JsonMapper json) {
        this.json = json;
    }

    Mono<StoredAction> insert(Connection connection, TenantId tenant, NewAction action) {
        return Sql.of(connection,
                        "INSERT INTO automation_actions (tenant_id, platform, account_id, entity_type, entity_id, action_type, parameters, "
                                + "status, decision, risk_level, threshold, reasons, idempotency_key, trust_gate_passed, "
                                + "signal_health_at_decision, is_dry_run, rule, created_by_user_id, error) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) "
                                + "ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING *",
                        tenant.value(), action.platform().name(), action.accountId(), action.entityType().name(), action.entityId(),
                        action.actionType().name(), Json.of(write(action.parameters())), action.status().name(),
                        action.decision().name(), action.riskLevel().name(), decimal(action.threshold()),
                        Json.of(write(action.reasons())), action.idempotencyKey(), action.decision() == GateDecision.PASS,
                        decimal(action.health()), action.dryRun(), Sql.nullable(action.rule(), String.class),
                        Sql.nullable(action.createdBy().orElse(null), UUID.class), Sql.nullable(action.error(), String.class))
                .row(this::map);
    }

    Mono<StoredAction> byKey(Connection connection, TenantId tenant, String idempotencyKey) {
        return Sql.of(connection, "SELECT * FROM automation_actions WHERE tenant_id = $1 AND idempotency_key = $2",
                tenant.value(), idempotencyKey).row(this::map);
    }

    Mono<StoredAction> byId(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT * FROM automation_actions WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(this::map);
    }

    /** Moves the action from one of {@code from} to {@code to}; empty when it was no longer in any of them. */
    Mono<StoredAction> transition(Connection connection, TenantId tenant, UUID id, List<ActionStatus> from, ActionStatus to,
                                  Transition change) {
        return Sql.of(connection,
                        "UPDATE automation_actions SET status = $3, updated_at = now(), "
                                + "signal_health_at_execution = COALESCE($5, signal_health_at_execution), "
                                + "result = COALESCE($6, result), error = COALESCE($7, error), "
                                + "decided_by_user_id = COALESCE($8, decided_by_user_id), "
                                + "executed_at = CASE WHEN $3 IN ('EXECUTED', 'FAILED') THEN now() ELSE executed_at END "
                                + "WHERE tenant_id = $1 AND id = $2 AND status = ANY($4) RETURNING *",
                        tenant.value(), id, to.name(), from.stream().map(Enum::name).toArray(String[]::new),
                        Sql.nullable(change.healthAtExecution().map(ActionRepository::decimal).orElse(null), BigDecimal.class),
                        Sql.nullable(change.result().map(value -> Json.of(write(value))).orElse(null), Json.class),
                        Sql.nullable(change.error().orElse(null), String.class),
                        Sql.nullable(change.decidedBy().orElse(null), UUID.class))
                .row(this::map);
    }

    Flux<StoredAction> pendingPage(Connection connection, TenantId tenant, Optional<PageCursor> after, int limit) {
        if (after.isEmpty()) {
            return Sql.of(connection, "SELECT * FROM automation_actions WHERE tenant_id = $1 AND status = 'PENDING_APPROVAL' "
                    + "ORDER BY created_at, id LIMIT $2", tenant.value(), limit).rows(this::map);
        }
        return Sql.of(connection, "SELECT * FROM automation_actions WHERE tenant_id = $1 AND status = 'PENDING_APPROVAL' "
                        + "AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4",
                tenant.value(), after.get().at().atOffset(ZoneOffset.UTC), after.get().id(), limit).rows(this::map);
    }

    Mono<Long> pendingCount(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT count(*) AS n FROM automation_actions WHERE tenant_id = $1 AND status = 'PENDING_APPROVAL'",
                tenant.value()).row(row -> row.get("n", Long.class));
    }

    private StoredAction map(Readable row) {
        BigDecimal atExecution = row.get("signal_health_at_execution", BigDecimal.class);
        Json result = row.get("result", Json.class);
        OffsetDateTime executedAt = row.get("executed_at", OffsetDateTime.class);
        UUID createdBy = row.get("created_by_user_id", UUID.class);
        UUID decidedBy = row.get("decided_by_user_id", UUID.class);
        return new StoredAction(
                row.get("id", UUID.class).toString(),
                row.get("tenant_id", UUID.class).toString(),
                Platform.valueOf(row.get("platform", String.class)),
                row.get("account_id", String.class),
                EntityType.valueOf(row.get("entity_type", String.class)),
                row.get("entity_id", String.class),
                ActionType.valueOf(row.get("action_type", String.class)),
                read(row.get("parameters", Json.class).asString(), Argument.mapOf(String.class, Object.class)),
                ActionStatus.valueOf(row.get("status", String.class)),
                GateDecision.valueOf(row.get("decision", String.class)),
                RiskLevel.valueOf(row.get("risk_level", String.class)),
                row.get("threshold", BigDecimal.class).doubleValue(),
                Arrays.asList(read(row.get("reasons", Json.class).asString(), Argument.of(String[].class))),
                row.get("idempotency_key", String.class),
                row.get("trust_gate_passed", Boolean.class),
                row.get("signal_health_at_decision", BigDecimal.class).doubleValue(),
                atExecution == null ? null : atExecution.doubleValue(),
                result == null ? null : read(result.asString(), Argument.OBJECT_ARGUMENT),
                row.get("error", String.class),
                row.get("is_dry_run", Boolean.class),
                row.get("rule", String.class),
                createdBy == null ? null : createdBy.toString(),
                decidedBy == null ? null : decidedBy.toString(),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                executedAt == null ? null : executedAt.toInstant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal decimal(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
    }

    /** What a new row holds. */
    record NewAction(Platform platform, String accountId, EntityType entityType, String entityId, ActionType actionType,
                     Map<String, Object> parameters, ActionStatus status, GateDecision decision, RiskLevel riskLevel,
                     double threshold, List<String> reasons, String idempotencyKey, double health, boolean dryRun, String rule,
                     Optional<UUID> createdBy, String error) {
    }

    /** What a status change records beside the status. */
    record Transition(Optional<Double> healthAtExecution, Optional<Object> result, Optional<String> error, Optional<UUID> decidedBy) {

        static Transition none() {
            return new Transition(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Transition by(UUID user) {
            return new Transition(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(user));
        }
    }
}
