package ai.stratum.server.trust.config;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.InvalidTrustConfigException;
import ai.stratum.server.trust.TrustGateConfig;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each tenant's gate configuration: what its TENANT_ADMIN stored, or else what the tenant's trust
 * settings imply (the seed's tables). An update names only what changes; the result must be
 * consistent as a whole or nothing is stored.
 */
@Singleton
public class TrustGateConfigService {

    private final Database database;
    private final TrustSettingsService settings;
    private final AuditLog audit;

    public TrustGateConfigService(Database database, TrustSettingsService settings, AuditLog audit) {
        this.database = database;
        this.settings = settings;
        this.audit = audit;
    }

    public Mono<TrustGateConfig> config(TenantId tenant) {
        return database.inTenantOne(tenant, connection -> config(connection, tenant));
    }

    public Mono<TrustGateConfig> config(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT * FROM trust_gate_configs WHERE tenant_id = $1", tenant.value())
                .row(TrustGateConfigService::map)
                .switchIfEmpty(Mono.defer(() -> settings.settings(connection, tenant).map(TrustGateConfig::from)));
    }

    public Mono<TrustGateConfig> update(Caller caller, String requestId, Change change) {
        caller.require(Role.TENANT_ADMIN);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> config(connection, tenant)
                .map(change::applyTo)
                .flatMap(updated -> Sql.of(connection,
                                "INSERT INTO trust_gate_configs (tenant_id, high_risk_threshold, standard_threshold, conservative_threshold, "
                                        + "hold_threshold, high_risk_actions, conservative_actions, always_allowed_actions, updated_by) "
                                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id) DO UPDATE SET "
                                        + "high_risk_threshold = EXCLUDED.high_risk_threshold, standard_threshold = EXCLUDED.standard_threshold, "
                                        + "conservative_threshold = EXCLUDED.conservative_threshold, hold_threshold = EXCLUDED.hold_threshold, "
                                        + "high_risk_actions = EXCLUDED.high_risk_actions, conservative_actions = EXCLUDED.conservative_actions, "
                                        + "always_allowed_actions = EXCLUDED.always_allowed_actions, updated_by = EXCLUDED.updated_by, "
                                        + "updated_at = now()",
                                tenant.value(), decimal(updated.highRiskThreshold()), decimal(updated.standardThreshold()),
                                decimal(updated.conservativeThreshold()), decimal(updated.holdThreshold()),
                                names(updated.highRiskActions()), names(updated.conservativeActions()),
                                names(updated.alwaysAllowedActions()), caller.userId())
                        .update()
                        .then(audit.record(connection, caller, requestId, new AuditEvent("trust_gate_config.updated",
                                "trust_gate_config", tenant.toString(), Map.of(
                                        "highRiskThreshold", String.valueOf(updated.highRiskThreshold()),
                                        "standardThreshold", String.valueOf(updated.standardThreshold()),
                                        "conservativeThreshold", String.valueOf(updated.conservativeThreshold()),
                                        "holdThreshold", String.valueOf(updated.holdThreshold())))))
                        .thenReturn(updated)));
    }

    private static TrustGateConfig map(Readable row) {
        return new TrustGateConfig(
                row.get("high_risk_threshold", BigDecimal.class).doubleValue(),
                row.get("standard_threshold", BigDecimal.class).doubleValue(),
                row.get("conservative_threshold", BigDecimal.class).doubleValue(),
                row.get("hold_threshold", BigDecimal.class).doubleValue(),
                actions(row.get("high_risk_actions", String[].class)),
                actions(row.get("conservative_actions", String[].class)),
                actions(row.get("always_allowed_actions", String[].class)));
    }

    private static Set<ActionType> actions(String[] names) {
        EnumSet<ActionType> actions = EnumSet.noneOf(ActionType.class);
        Arrays.stream(names).map(ActionType::valueOf).forEach(actions::add);
        return actions;
    }

    private static String[] names(Set<ActionType> actions) {
        return actions.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    /** The fields of {@code TrustGateConfigInput}; an empty one keeps the current value. */
    public record Change(Optional<Double> highRiskThreshold, Optional<Double> standardThreshold,
                         Optional<Double> conservativeThreshold, Optional<Double> holdThreshold,
                         Optional<Set<ActionType>> highRiskActions, Optional<Set<ActionType>> conservativeActions,
                         Optional<Set<ActionType>> alwaysAllowedActions) {

        TrustGateConfig applyTo(TrustGateConfig current) {
            try {
                return new TrustGateConfig(
                        highRiskThreshold.orElse(current.highRiskThreshold()),
                        standardThreshold.orElse(current.standardThreshold()),
                        conservativeThreshold.orElse(current.conservativeThreshold()),
                        holdThreshold.orElse(current.holdThreshold()),
                        highRiskActions.orElse(current.highRiskActions()),
                        conservativeActions.orElse(current.conservativeActions()),
                        alwaysAllowedActions.orElse(current.alwaysAllowedActions()));
            } catch (InvalidTrustConfigException e) {
                throw ApiException.badInput("input." + e.field(), e.getMessage());
            }
        }

        static Set<ActionType> parse(java.util.List<String> names) {
            return names.stream().map(ActionType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ActionType.class)));
        }
    }
}
