package ai.stratum.server.demo;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.DemoAccounts;
import ai.stratum.sandbox.DemoAccounts.DemoAccount;
import ai.stratum.server.autopilot.AutopilotRuleService;
import ai.stratum.server.autopilot.AutopilotRunner;
import ai.stratum.server.autopilot.rules.RuleType;
import ai.stratum.server.config.StratumHome;
import ai.stratum.server.connectors.AccountConnection;
import ai.stratum.server.connectors.ConnectAccountInput;
import ai.stratum.server.connectors.ConnectionService;
import ai.stratum.server.connectors.SyncRun;
import ai.stratum.server.connectors.SyncService;
import ai.stratum.server.connectors.SyncStatus;
import ai.stratum.server.database.Database;
import ai.stratum.server.identity.UserRepository;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.PasswordHasher;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.Tenant;
import ai.stratum.server.tenancy.TenantRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo tenant of a zero-configuration server: tenant {@value #TENANT} with a TENANT_ADMIN whose
 * password is generated once (kept under {@code $STRATUM_HOME/secrets}) and printed at every start,
 * one connection per simulated platform, the autopilot's rules switched on when the tenant is
 * first connected, a sync of every demo connection, then one autopilot run, so a newcomer sees
 * campaigns, performance, signal health and the autopilot's proposals within a minute. It all
 * runs in the background; the server answers meanwhile.
 */
@Singleton
@Requires(property = "stratum.demo.enabled", value = "true")
public class DemoTenant {

    static final String TENANT = "demo";
    static final String EMAIL = "admin@demo.stratum.local";
    private static final String REQUEST = "demo-setup";
    private static final Duration SYNC_WAIT = Duration.ofMinutes(3);
    private static final double TARGET_ROAS = 2.5;
    private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);

    private final Database database;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ConnectionService connections;
    private final SyncService syncs;
    private final AutopilotRuleService rules;
    private final AutopilotRunner autopilot;
    private final Set<Platform> platforms;
    private final String password;

    DemoTenant(Database database, TenantRepository tenants, UserRepository users, PasswordHasher hasher,
               ConnectionService connections, SyncService syncs, AutopilotRuleService rules, AutopilotRunner autopilot,
               StratumHome home, @Value("${" + DemoSandbox.PLATFORMS_PROPERTY + ":}") String platforms) {
        this.database = database;
        this.tenants = tenants;
        this.users = users;
        this.hasher = hasher;
        this.connections = connections;
        this.syncs = syncs;
        this.rules = rules;
        this.autopilot = autopilot;
        this.platforms = Arrays.stream(platforms.split(",")).filter(name -> !name.isBlank()).map(Platform::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        // the demo tenant holds simulated data only, so its password is kept and shown at every start
        this.password = home.secret("demo-admin-password", 18);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        setUp().subscribe(
                caller -> LOG.warn("event=demo_ready tenant={} email={} password={} (sandbox data only; "
                        + "STRATUM_DEMO=off turns the demo off)", TENANT, EMAIL, password),
                failure -> LOG.error("event=demo_failed tenant={} error=\"{}\"", TENANT, failure.toString(), failure));
    }

    /** @return the demo admin, once the tenant, connections, first syncs and autopilot run are done */
    Mono<Caller> setUp() {
        return database.asSystemOne(connection -> tenants.findByName(connection, TENANT)
                        .switchIfEmpty(Mono.defer(() -> tenants.insert(connection, TENANT, "USD", "America/New_York"))))
                .flatMap(this::admin)
                .flatMap(caller -> connectAll(caller)
                        .flatMap(connected -> (connected.anyNew() ? enableRules(caller) : Mono.<Void>empty())
                                .then(syncAll(caller, connected.connections())))
                        .then(autopilot.run(caller.tenant(), false, Optional.of(caller.userId())))
                        .thenReturn(caller));
    }

    private Mono<Caller> admin(Tenant tenant) {
        return database.asSystemOne(connection -> users.credentialsByEmail(connection, EMAIL).map(found -> found.user())
                        .switchIfEmpty(Mono.defer(() -> hasher.hash(password).flatMap(hash -> users.insert(connection,
                                tenant.id(), EMAIL, hash, Role.TENANT_ADMIN, Optional.empty())))))
                .map(user -> new Caller(user.id(), Optional.empty(), user.role(), user.tenantId(), user.tenantId()));
    }

    /** Switches every built-in rule on, with the targets a demo shop would set, when the demo is first connected. */
    private Mono<Void> enableRules(Caller caller) {
        return Flux.fromArray(RuleType.values())
                .concatMap(type -> rules.update(caller, REQUEST, type, settings -> type == RuleType.PERFORMANCE_SCALING
                        ? settings.enabled(true).targetRoas(OptionalDouble.of(TARGET_ROAS))
                        : settings.enabled(true)))
                .then();
    }

    private Mono<Connected> connectAll(Caller caller) {
        return connections.list(caller).collectList().flatMap(existing -> Flux.fromIterable(DemoAccounts.all())
                .filter(account -> platforms.contains(account.platform()))
                .concatMap(account -> existing.stream()
                        .filter(c -> c.platform() == account.platform() && c.accountId().equals(account.spec().accountId()))
                        .findFirst()
                        .map(Mono::just)
                        .orElseGet(() -> connections.connect(caller, REQUEST, input(account))))
                .collectList()
                .map(all -> new Connected(all, all.size() > existing.size())));
    }

    private Mono<Void> syncAll(Caller caller, List<AccountConnection> demoConnections) {
        return Flux.fromIterable(demoConnections)
                .concatMap(connection -> syncs.syncNow(caller, connection.id(), Optional.empty(), Optional.empty()))
                .concatMap(run -> finished(caller, run.id()))
                .then()
                .timeout(SYNC_WAIT);
    }

    private Mono<SyncRun> finished(Caller caller, UUID runId) {
        return syncs.get(caller, runId)
                .filter(run -> run.status() != SyncStatus.RUNNING)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofSeconds(1)));
    }

    private static ConnectAccountInput input(DemoAccount account) {
        return new ConnectAccountInput(account.platform(), account.spec().accountId(),
                Optional.of(account.spec().name()), account.accessToken(), Optional.empty(), Optional.empty());
    }

    private record Connected(List<AccountConnection> connections, boolean anyNew) {
    }
}
