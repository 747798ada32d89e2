package ai.stratum.server.trust.config;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.Map;

/** Reads and sets a tenant's trust-engine feature flags; a flag never set is on. */
@Singleton
public class FeatureFlagService {

    private final Database database;
    private final AuditLog audit;

    public FeatureFlagService(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    public Mono<FeatureFlags> flags(TenantId tenant) {
        return database.inTenantOne(tenant, connection -> flags(connection, tenant));
    }

    public Mono<FeatureFlags> flags(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT name, enabled FROM feature_flags WHERE tenant_id = $1", tenant.value())
                .rows(row -> Map.entry(FeatureFlag.valueOf(row.get("name", String.class)), row.get("enabled", Boolean.class)))
                .collectList()
                .map(stored -> {
                    EnumSet<FeatureFlag> enabled = EnumSet.allOf(FeatureFlag.class);
                    stored.forEach(flag -> {
                        if (!flag.getValue()) {
                            enabled.remove(flag.getKey());
                        }
                    });
                    return new FeatureFlags(enabled);
                });
    }

    public Mono<Boolean> set(Caller caller, String requestId, FeatureFlag flag, boolean enabled) {
        caller.require(Role.TENANT_ADMIN);
        return database.inTenantOne(caller.tenant(), connection -> Sql.of(connection,
                        "INSERT INTO feature_flags (tenant_id, name, enabled, updated_by) VALUES ($1, $2, $3, $4) "
                                + "ON CONFLICT (tenant_id, name) DO UPDATE SET enabled = EXCLUDED.enabled, "
                                + "updated_by = EXCLUDED.updated_by, updated_at = now()",
                        caller.tenant().value(), flag.name(), enabled, caller.userId())
                .update()
                .then(audit.record(connection, caller, requestId, new AuditEvent("feature_flag.set", "feature_flag", flag.name(),
                        Map.of("enabled", String.valueOf(enabled)))))
                .thenReturn(enabled));
    }
}
