package ai.stratum.server.autopilot;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.autopilot.rules.InvalidRuleSettingsException;
import ai.stratum.server.autopilot.rules.RuleSettings;
import ai.stratum.server.autopilot.rules.RuleType;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A tenant's settings of the built-in rules. Changing them is a TENANT_ADMIN's call and is audited. */
@Singleton
public class AutopilotRuleService {

    private final Database database;
    private final AutopilotRuleRepository rules;
    private final AuditLog audit;

    AutopilotRuleService(Database database, AutopilotRuleRepository rules, AuditLog audit) {
        this.database = database;
        this.rules = rules;
        this.audit = audit;
    }

    Mono<List<RuleSettings>> all(Caller caller) {
        return database.inTenantOne(caller.tenant(), connection -> rules.all(connection, caller.tenant()))
                .map(settings -> List.copyOf(settings.values()));
    }

    /** Applies {@code change} to the current settings of {@code type}; the result must validate as a whole. */
    public Mono<RuleSettings> update(Caller caller, String requestId, RuleType type, UnaryOperator<RuleSettings.Builder> change) {
        caller.require(Role.TENANT_ADMIN);
        return database.inTenantOne(caller.tenant(), connection -> rules.all(connection, caller.tenant())
                .map(current -> {
                    try {
                        return change.apply(current.get(type).toBuilder()).build();
                    } catch (InvalidRuleSettingsException e) {
                        throw ApiException.badInput("input." + e.field(), e.getMessage());
                    }
                })
                .flatMap(updated -> rules.save(connection, caller.tenant(), updated, caller.userId())
                        .then(audit.record(connection, caller, requestId, new AuditEvent("autopilot_rule.updated", "autopilot_rule",
                                type.name(), Map.of("enabled", String.valueOf(updated.enabled())))))
                        .thenReturn(updated)));
    }
}
