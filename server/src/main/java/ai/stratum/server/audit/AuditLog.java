package ai.stratum.server.audit;

import ai.stratum.server.database.Sql;
import ai.stratum.server.security.Caller;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends to {@code audit_events} in the same transaction as the change it records, so a change
 * and its trace commit or roll back together. The table is insert-only for the application role.
 */
@Singleton
public class AuditLog {

    private final JsonMapper json;

    public AuditLog(JsonMapper json) {
        this.json = json;
    }

    public Mono<RecordedEvent> record(Connection connection, Caller caller, String requestId, AuditEvent event) {
        return Sql.of(connection,
                        "INSERT INTO audit_events (tenant_id, action, actor_user_id, actor_api_key_id, actor_role, cross_tenant, "
                                + "target_type, target_id, details, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                                + "RETURNING id, occurred_at",
                        caller.tenant().value(), event.action(), caller.userId(),
                        Sql.nullable(caller.apiKeyId().orElse(null), UUID.class), caller.role().name(), caller.crossTenant(),
                        Sql.nullable(event.targetType(), String.class), Sql.nullable(event.targetId(), String.class),
                        Json.of(encode(event)), requestId)
                .row(row -> new RecordedEvent(row.get("id", UUID.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        caller, event));
    }

    private String encode(AuditEvent event) {
        try {
            return json.writeValueAsString(event.details());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event as stored, with who did it. */
    public record RecordedEvent(UUID id, Instant occurredAt, Caller caller, AuditEvent event) {

        public Optional<UUID> apiKeyId() {
            return caller.apiKeyId();
        }
    }
}
