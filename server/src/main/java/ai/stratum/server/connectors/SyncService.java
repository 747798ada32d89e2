package ai.stratum.server.connectors;

import ai.stratum.plugin.api.SignalCollector;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts syncs: one a person asks for (it runs in the background and the RUNNING run is returned
 * at once) or one the schedule starts (which waits for it to finish). A connection has at most one
 * RUNNING run at a time across all instances; a run left RUNNING by a stopped server is failed
 * before a new one starts.
 */
@Singleton
public class SyncService {

    /** A run RUNNING longer than this was abandoned by a server that stopped. */
    static final Duration ABANDONED_AFTER = SyncRunner.MAX_RUN.plusMinutes(5);

    private final Database database;
    private final ConnectionRepository connections;
    private final SyncRunRepository runs;
    private final TenantRepository tenants;
    private final PluginLookup plugins;
    private final SyncRunner runner;
    private final StagedPerformance staged;
    private final SyncSettings settings;
    private final Clock clock;

    SyncService(Database database, ConnectionRepository connections, SyncRunRepository runs, TenantRepository tenants,
                PluginLookup plugins, SyncRunner runner, StagedPerformance staged, SyncSettings settings, Clock clock) {
        this.database = database;
        this.connections = connections;
        this.runs = runs;
        this.tenants = tenants;
        this.plugins = plugins;
        this.runner = runner;
        this.staged = staged;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code syncConnection}: checks, starts the run, and leaves it running in the background. */
    public Mono<SyncRun> syncNow(Caller caller, UUID connectionId, Optional<LocalDate> from, Optional<LocalDate> to) {
        caller.require(Role.MEDIA_BUYER);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, c -> connections.find(c, tenant, connectionId)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No connection with id " + connectionId)))
                        .flatMap(connection -> accountToday(c, connection)
                                .map(today -> new Start(connection, SyncWindow.requested(from, to, today, settings.lookbackDays())))))
                .flatMap(start -> {
                    AccountConnection connection = start.connection();
                    switch (connection.status()) {
                        case NEEDS_REAUTH -> throw ApiException.conflict("Connection " + connection.id() + " (" + connection.label()
                                + ") needs to be reconnected first (connectAccount or startOAuth): " + connection.lastError());
                        case PAUSED -> throw ApiException.conflict("Connection " + connection.id() + " (" + connection.label()
                                + ") is PAUSED; resume it first");
                        default -> {
                        }
                    }
                    if (plugins.find(connection.platform(), SignalCollector.class).isEmpty()) {
                        throw ApiException.unavailable("No installed plugin reads " + connection.platform()
                                + " accounts (no SignalCollector); install its plugin to sync");
                    }
                    return begin(connection, start.window(), caller.userId())
                            .switchIfEmpty(Mono.defer(() -> alreadyRunning(connection)))
                            .doOnNext(run -> runner.run(connection, run).subscribe());
                });
    }

    /** A scheduled sync of the lookback window; emits the finished run, or nothing when one was already running. */
    Mono<SyncRun> syncScheduled(AccountConnection connection) {
        TenantId tenant = connection.tenant();
        return database.inTenantOne(tenant, c -> accountToday(c, connection))
                .map(today -> SyncWindow.lookback(today, settings.lookbackDays()))
                .flatMap(window -> begin(connection, window, null))
                .flatMap(run -> runner.run(connection, run));
    }

    public Mono<SyncRun> get(Caller caller, UUID runId) {
        return database.inTenantOne(caller.tenant(), c -> runs.find(c, caller.tenant(), runId));
    }

    private Mono<SyncRun> begin(AccountConnection connection, SyncWindow window, UUID triggeredBy) {
        TenantId tenant = connection.tenant();
        return database.inTenantOne(tenant, c -> runs.abandon(c, tenant, connection.id(), ABANDONED_AFTER)
                .then(staged.discardEnded(c, tenant, connection.id()))
                .then(runs.start(c, tenant, connection.id(), window, triggeredBy))
                .flatMap(run -> connections.syncStarted(c, tenant, connection.id()).thenReturn(run)));
    }

    private Mono<SyncRun> alreadyRunning(AccountConnection connection) {
        TenantId tenant = connection.tenant();
        return database.inTenantOne(tenant, c -> runs.running(c, tenant, connection.id()))
                .flatMap(running -> Mono.<SyncRun>error(ApiException.conflict("A sync of connection " + connection.id()
                        + " is already running (run " + running.id() + ", started " + running.startedAt() + ")")))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("A sync of connection " + connection.id()
                        + " was already running; try again")));
    }

    /** Today in the account's time zone, as its plugin reported it at the last sync; until then, in the tenant's. */
    private Mono<LocalDate> accountToday(Connection c, AccountConnection connection) {
        TenantId tenant = connection.tenant();
        return connections.timeZone(c, tenant, connection.id())
                .switchIfEmpty(Mono.defer(() -> tenants.findById(c, tenant).map(found -> found.timezone())))
                .map(zone -> LocalDate.ofInstant(clock.instant(), ZoneId.of(zone)));
    }

    private record Start(AccountConnection connection, SyncWindow window) {
    }
}
