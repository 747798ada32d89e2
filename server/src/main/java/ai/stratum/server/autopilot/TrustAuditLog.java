package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.signals.health.HealthStatus;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionType;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends to and reads the seed's {@code trust_gate_audit_log}. The application role may insert
 * and select only, so nothing here, or anywhere, rewrites the trail.
 */
@Singleton
class TrustAuditLog {

    private final JsonMapper json;

    TrustAuditLog(JsonMapper json) {
        this.json = json;
    }

    Mono<Long> append(Connection connection, TenantId tenant, Entry entry) {
        return Sql.of(connection,
                        "INSERT INTO trust_gate_audit_log (tenant_id, decision_type, action_type, entity_type, entity_id, platform, "
                                + "account_id, action_id, signal_health_score, signal_health_status, gate_passed, gate_reason, "
                                + "action_payload, action_result, healthy_threshold, degraded_threshold, is_dry_run, "
                                + "triggered_by_system, triggered_by_user_id) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
                        tenant.value(), entry.decisionType().name(), entry.actionType().name(),
                        Sql.nullable(entry.entityType().map(Enum::name).orElse(null), String.class),
                        Sql.nullable(entry.entityId().orElse(null), String.class),
                        Sql.nullable(entry.platform().map(Enum::name).orElse(null), String.class),
                        Sql.nullable(entry.accountId().orElse(null), String.class),
                        Sql.nullable(entry.actionId().orElse(null), UUID.class),
                        Sql.nullable(entry.healthScore().map(ActionRepository::decimal).orElse(null), BigDecimal.class),
                        Sql.nullable(entry.healthStatus().map(Enum::name).orElse(null), String.class),
                        Sql.nullable(entry.gatePassed().orElse(null), Boolean.class),
                        Json.of(write(entry.gateReason())),
                        Json.of(write(entry.actionPayload())),
                        Sql.nullable(entry.actionResult().map(value -> Json.of(write(value))).orElse(null), Json.class),
                        Sql.nullable(entry.healthyThreshold().map(ActionRepository::decimal).orElse(null), BigDecimal.class),
                        Sql.nullable(entry.degradedThreshold().map(ActionRepository::decimal).orElse(null), BigDecimal.class),
                        entry.dryRun(), entry.triggeredBy().isEmpty(),
                        Sql.nullable(entry.triggeredBy().orElse(null), UUID.class))
                .update();
    }

    /** Newest first, after the cursor, filtered; {@code limit} rows. */
    Flux<TrustAuditEntry> page(Connection connection, TenantId tenant, Filter filter, Optional<PageCursor> after, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        StringBuilder sql = new StringBuilder("SELECT * FROM trust_gate_audit_log WHERE tenant_id = $1");
        where(sql, parameters, filter);
        after.ifPresent(cursor -> {
            sql.append(" AND (created_at, id) < ($").append(add(parameters, cursor.at().atOffset(ZoneOffset.UTC)));
            sql.append(", $").append(add(parameters, cursor.id())).append(")");
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $").append(add(parameters, limit));
        return Sql.of(connection, sql.toString(), parameters.toArray()).rows(this::map);
    }

    Mono<Long> count(Connection connection, TenantId tenant, Filter filter) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        StringBuilder sql = new StringBuilder("SELECT count(*) AS n FROM trust_gate_audit_log WHERE tenant_id = $1");
        where(sql, parameters, filter);
        return Sql.of(connection, sql.toString(), parameters.toArray()).row(row -> row.get("n", Long.class));
    }

    private static void where(StringBuilder sql, List<Object> parameters, Filter filter) {
        filter.from().ifPresent(from -> sql.append(" AND created_at >= $").append(add(parameters, from.atOffset(ZoneOffset.UTC))));
        filter.to().ifPresent(to -> sql.append(" AND created_at <= $").append(add(parameters, to.atOffset(ZoneOffset.UTC))));
        filter.decision().ifPresent(decision -> sql.append(" AND decision_type = $").append(add(parameters, decision.name())));
        filter.platform().ifPresent(platform -> sql.append(" AND platform = $").append(add(parameters, platform.name())));
        filter.actionType().ifPresent(type -> sql.append(" AND action_type = $").append(add(parameters, type.name())));
    }

    private static int add(List<Object> parameters, Object value) {
        parameters.add(value);
        return parameters.size();
    }

    private TrustAuditEntry map(Readable row) {
        String entityType = row.get("entity_type", String.class);
        String platform = row.get("platform", String.class);
        BigDecimal score = row.get("signal_health_score", BigDecimal.class);
        String status = row.get("signal_health_status", String.class);
        BigDecimal healthy = row.get("healthy_threshold", BigDecimal.class);
        BigDecimal degraded = row.get("degraded_threshold", BigDecimal.class);
        return new TrustAuditEntry(
                row.get("id", UUID.class),
                AuditDecisionType.valueOf(row.get("decision_type", String.class)),
                ActionType.valueOf(row.get("action_type", String.class)),
                Optional.ofNullable(entityType).map(EntityType::valueOf),
                Optional.ofNullable(row.get("entity_id", String.class)),
                Optional.ofNullable(row.get("entity_name", String.class)),
                Optional.ofNullable(platform).map(Platform::valueOf),
                Optional.ofNullable(row.get("account_id", String.class)),
                Optional.ofNullable(row.get("action_id", UUID.class)),
                Optional.ofNullable(score).map(BigDecimal::doubleValue),
                Optional.ofNullable(status).map(HealthStatus::valueOf),
                Optional.ofNullable(row.get("gate_passed", Boolean.class)),
                json(row.get("gate_reason", Json.class)),
                json(row.get("action_payload", Json.class)),
                json(row.get("action_result", Json.class)),
                Optional.ofNullable(healthy).map(BigDecimal::doubleValue),
                Optional.ofNullable(degraded).map(BigDecimal::doubleValue),
                row.get("is_dry_run", Boolean.class),
                row.get("triggered_by_system", Boolean.class),
                Optional.ofNullable(row.get("triggered_by_user_id", UUID.class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private Object json(Json value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value.asString(), Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one append records. {@code triggeredBy} is empty when the system acted on its own. */
    record Entry(AuditDecisionType decisionType, ActionType actionType, Optional<EntityType> entityType, Optional<String> entityId,
                 Optional<Platform> platform, Optional<String> accountId, Optional<UUID> actionId, Optional<Double> healthScore,
                 Optional<HealthStatus> healthStatus, Optional<Boolean> gatePassed, Object gateReason, Object actionPayload,
                 Optional<Object> actionResult, Optional<Double> healthyThreshold, Optional<Double> degradedThreshold,
                 boolean dryRun, Optional<UUID> triggeredBy) {
    }

    /** {@code AuditLogFilter}. */
    record Filter(Optional<Instant> from, Optional<Instant> to, Optional<AuditDecisionType> decision, Optional<Platform> platform,
                  Optional<ActionType> actionType) {
    }
}
