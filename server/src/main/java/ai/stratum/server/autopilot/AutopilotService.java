package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.signals.SignalHealthService;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionSpec;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.AutopilotMode;
import ai.stratum.server.trust.ModeAssessment;
import ai.stratum.server.trust.config.AutopilotFreeze;
import ai.stratum.server.trust.config.AutopilotFreezeRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;

/**
 * The autopilot's mode (from health, or FROZEN by an emergency stop) and the emergency stop
 * itself: always allowed, it freezes the tenant's autopilot and issues PAUSE_ALL for every
 * account the tenant has connected or has signals for, each through the gate (where PAUSE_ALL
 * always passes).
 */
@Singleton
public class AutopilotService {

    private static final Logger LOG = LoggerFactory.getLogger(AutopilotService.class);

    private final Database database;
    private final AutopilotFreezeRepository freezes;
    private final SignalHealthService health;
    private final ActionService actions;
    private final ActionAuditor auditor;

    public AutopilotService(Database database, AutopilotFreezeRepository freezes, SignalHealthService health, ActionService actions,
                            ActionAuditor auditor) {
        this.database = database;
        this.freezes = freezes;
        this.health = health;
        this.actions = actions;
        this.auditor = auditor;
    }

    /** One account's mode (found on whichever platform carries that id), or the tenant's. */
    public Mono<ModeAssessment> mode(Caller caller, Optional<String> accountId) {
        TenantId tenant = caller.tenant();
        Mono<Optional<Platform>> platform = accountId.isEmpty() ? Mono.just(Optional.empty())
                : database.inTenantOne(tenant, connection -> Sql.of(connection,
                        "SELECT platform FROM account_signals WHERE tenant_id = $1 AND account_id = $2 ORDER BY platform LIMIT 1",
                        tenant.value(), accountId.get()).row(row -> Optional.of(Platform.valueOf(row.get("platform", String.class)))))
                .switchIfEmpty(Mono.error(ApiException.notFound("No signals have been received for account " + accountId.get())));
        return platform.flatMap(found -> health.health(caller, found, found.isPresent() ? accountId : Optional.empty()))
                .map(view -> ModeAssessment.of(view.overallScore()))
                .flatMap(assessment -> frozen(tenant).map(freeze -> freeze
                        .map(stop -> new ModeAssessment(AutopilotMode.FROZEN, "Emergency stop: " + stop.reason(), assessment.score()))
                        .orElse(assessment)));
    }

    public Mono<ModeAssessment> emergencyStop(Caller caller, String reason) {
        caller.require(Role.MEDIA_BUYER);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw ApiException.badInput("reason", "A reason of 1 to 1000 characters is required");
        }
        TenantId tenant = caller.tenant();
        LOG.warn("event=emergency_stop tenant={} user={} reason=\"{}\"", tenant, caller.userId(), why);
        return database.inTenant(tenant, connection -> freezes.set(connection, tenant, true, why, caller.userId())
                        .then(auditor.autopilot(connection, tenant, AuditDecisionType.EMERGENCY_STOP, caller, why))
                        .thenMany(Sql.of(connection, "SELECT platform, account_id FROM account_signals WHERE tenant_id = $1 "
                                        + "UNION SELECT platform, account_id FROM connections WHERE tenant_id = $1 "
                                        + "ORDER BY platform, account_id", tenant.value())
                                .rows(row -> Map.entry(Platform.valueOf(row.get("platform", String.class)),
                                        row.get("account_id", String.class)))))
                .collectList()
                .flatMapMany(accounts -> Flux.fromIterable(accounts).concatMap(account -> actions.propose(tenant,
                        pauseAll(account.getKey(), account.getValue()), false, Optional.of(caller.userId()), "emergency_stop")))
                .then(mode(caller, Optional.empty()));
    }

    public Mono<ModeAssessment> resume(Caller caller) {
        caller.require(Role.TENANT_ADMIN);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> freezes.current(connection, tenant)
                        .flatMap(freeze -> freeze.isEmpty()
                                ? Mono.error(ApiException.conflict("The autopilot is not frozen"))
                                : freezes.set(connection, tenant, false, null, caller.userId())
                                .then(auditor.autopilot(connection, tenant, AuditDecisionType.RESUME, caller, null))
                                .thenReturn(true)))
                .then(mode(caller, Optional.empty()));
    }

    private Mono<Optional<AutopilotFreeze>> frozen(TenantId tenant) {
        return database.inTenantOne(tenant, connection -> freezes.current(connection, tenant));
    }

    private static ActionSpec pauseAll(Platform platform, String accountId) {
        return new ActionSpec(platform, accountId, EntityType.ACCOUNT, accountId, ActionType.PAUSE_ALL, Map.of(), Optional.empty());
    }
}
