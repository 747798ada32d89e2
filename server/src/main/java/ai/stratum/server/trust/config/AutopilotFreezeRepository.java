package ai.stratum.server.trust.config;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code autopilot_state}: whether an emergency stop holds the tenant's autopilot. */
@Singleton
public class AutopilotFreezeRepository {

    public Mono<Optional<AutopilotFreeze>> current(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT frozen, reason, changed_by, changed_at FROM autopilot_state WHERE tenant_id = $1", tenant.value())
                .row(row -> Boolean.TRUE.equals(row.get("frozen", Boolean.class))
                        ? Optional.of(new AutopilotFreeze(row.get("reason", String.class),
                        Optional.ofNullable(row.get("changed_by", UUID.class)), row.get("changed_at", OffsetDateTime.class).toInstant()))
                        : Optional.<AutopilotFreeze>empty())
                .defaultIfEmpty(Optional.empty());
    }

    public Mono<Long> set(Connection connection, TenantId tenant, boolean frozen, String reason, UUID by) {
        return Sql.of(connection, "INSERT INTO autopilot_state (tenant_id, frozen, reason, changed_by, changed_at) "
                                + "VALUES ($1, $2, $3, $4, now()) ON CONFLICT (tenant_id) DO UPDATE SET frozen = EXCLUDED.frozen, "
                                + "reason = EXCLUDED.reason, changed_by = EXCLUDED.changed_by, changed_at = now()",
                        tenant.value(), frozen, Sql.nullable(reason, String.class), by)
                .update();
    }
}
