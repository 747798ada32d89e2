package ai.stratum.server.trust.config;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.signals.health.TrustSettings;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's trust settings: the server's {@code TRUST_*} environment, with the tenant's own
 * overrides on top. Overrides are validated exactly as the environment is.
 */
@Singleton
public class TrustSettingsService {

    private final Database database;
    private final AuditLog audit;
    private final TrustSettings server;

    public TrustSettingsService(Database database, AuditLog audit, @Named("server") TrustSettings server) {
        this.database = database;
        this.audit = audit;
        this.server = server;
    }

    public Mono<TrustSettings> settings(TenantId tenant) {
        return database.inTenantOne(tenant, connection -> settings(connection, tenant));
    }

    public Mono<TrustSettings> settings(Connection connection, TenantId tenant) {
        return overrides(connection, tenant).map(server::withOverrides);
    }

    public Mono<Map<String, String>> overrides(TenantId tenant) {
        return database.inTenantOne(tenant, connection -> overrides(connection, tenant));
    }

    /**
     * Sets (value) or removes (null) overrides all at once: the resulting settings must be valid
     * as a whole, or nothing changes.
     */
    public Mono<Map<String, String>> update(Caller caller, String requestId, List<Map.Entry<String, String>> changes) {
        caller.require(Role.TENANT_ADMIN);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> overrides(connection, tenant)
                .map(current -> merged(current, changes))
                .flatMap(merged -> Flux.fromIterable(changes)
                        .concatMap(change -> change.getValue() == null
                                ? Sql.of(connection, "DELETE FROM trust_setting_overrides WHERE tenant_id = $1 AND name = $2",
                                tenant.value(), change.getKey()).update()
                                : Sql.of(connection, "INSERT INTO trust_setting_overrides (tenant_id, name, value, updated_by) "
                                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, name) DO UPDATE SET value = EXCLUDED.value, "
                                        + "updated_by = EXCLUDED.updated_by, updated_at = now()",
                                tenant.value(), change.getKey(), change.getValue().strip(), caller.userId()).update())
                        .then(audit.record(connection, caller, requestId,
                                new AuditEvent("trust_settings.updated", "trust_settings", tenant.toString(), merged)))
                        .thenReturn(merged)));
    }

    private Map<String, String> merged(Map<String, String> current, List<Map.Entry<String, String>> changes) {
        Map<String, String> merged = new TreeMap<>(current);
        for (int i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            if (!change.getKey().matches("^TRUST_[A-Z_]+$")) {
                throw ApiException.badInput("settings[" + i + "].name", "'" + change.getKey() + "' is not a TRUST_* setting");
            }
            if (change.getValue() == null) {
                merged.remove(change.getKey());
            } else {
                merged.put(change.getKey(), change.getValue().strip());
            }
        }
        try {
            server.withOverrides(merged);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("settings", e.getMessage());
        }
        return merged;
    }

    private static Mono<Map<String, String>> overrides(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT name, value FROM trust_setting_overrides WHERE tenant_id = $1 ORDER BY name", tenant.value())
                .rows(row -> Map.entry(row.get("name", String.class), row.get("value", String.class)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }
}
