package ai.stratum.server.connectors;

import ai.stratum.server.database.Database;
import ai.stratum.server.signals.SignalHealthService;
import ai.stratum.server.signals.SignalHealthView;
import ai.stratum.server.tenancy.TenantDataChange;
import ai.stratum.server.tenancy.TenantDataChanges;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Writes what a sync read, all of it in ONE transaction or none of it: the account's campaigns
 * upserted; the window's daily rows of the account's campaigns deleted and the run's staged rows
 * moved in ({@link StagedPerformance}; so syncing the same days again replaces them and never double
 * counts); the account's signal
 * snapshot rebuilt from the stored trailing window, with signal health and its history recomputed;
 * the run and the connection marked SUCCEEDED. If the connection was disconnected meanwhile, or
 * the run is no longer RUNNING, the transaction rolls back. Once committed, the health is published and
 * the tenant's new data announced ({@link TenantDataChanges}: cached predictions go stale, anomalies
 * are looked for).
 */
@Singleton
class SyncWriter {

    private final Database database;
    private final ConnectionRepository connections;
    private final SyncRunRepository runs;
    private final SyncedDataRepository data;
    private final StagedPerformance staged;
    private final TenantRepository tenants;
    private final SignalHealthService health;
    private final TenantDataChanges dataChanges;
    private final SyncSettings settings;
    private final Clock clock;

    SyncWriter(Database database, ConnectionRepository connections, SyncRunRepository runs, SyncedDataRepository data,
               StagedPerformance staged, TenantRepository tenants, SignalHealthService health, TenantDataChanges dataChanges, SyncSettings settings,
               Clock clock) {
        this.database = database;
        this.connections = connections;
        this.runs = runs;
        this.data = data;
        this.staged = staged;
        this.tenants = tenants;
        this.health = health;
        this.dataChanges = dataChanges;
        this.settings = settings;
        this.clock = clock;
    }

    Mono<SyncRun> write(AccountConnection account, SyncRun run, SyncWindow window, CollectedAccount collected) {
        TenantId tenant = account.tenant();
        return database.inTenantOne(tenant, connection -> connections.lock(connection, tenant, account.id())
                        .switchIfEmpty(Mono.error(() -> new ConnectorCallException(CallFailure.REJECTED,
                                "The connection was disconnected during the sync; nothing was written")))
                        .then(tenants.findById(connection, tenant))
                        .flatMap(found -> data.upsertCampaigns(connection, tenant, account.platform(), account.accountId(),
                                        collected.campaigns(), collected.currency().orElse(found.currency()))
                                .then(data.deleteWindow(connection, tenant, account.platform(), account.accountId(), window))
                                .then(staged.moveIntoPerformance(connection, tenant, account.platform(), run.id()))
                                .then(collected.timeZone().map(zone -> connections.setTimeZone(connection, tenant, account.id(), zone))
                                        .orElse(Mono.just(0L)))
                                .then(snapshot(connection, account, collected, LocalDate.ofInstant(clock.instant(),
                                        collected.timeZone().orElse(ZoneId.of(found.timezone()))))))
                        .flatMap(view -> runs.finish(connection, tenant, run.id(), SyncStatus.SUCCEEDED, collected.rows(), null)
                                .switchIfEmpty(Mono.error(() -> new ConnectorCallException(CallFailure.REJECTED,
                                        "The run was no longer running when its data was ready (marked interrupted); "
                                                + "nothing was written")))
                                .flatMap(finished -> connections.syncFinished(connection, tenant, account.id(), SyncStatus.SUCCEEDED,
                                        null, clock.instant()).thenReturn(new Written(finished, view)))))
                .flatMap(written -> health.publish(tenant, written.health())
                        .then(dataChanges.changed(tenant, TenantDataChange.PERFORMANCE_SYNCED))
                        .thenReturn(written.run()));
    }

    private Mono<SignalHealthView> snapshot(Connection connection, AccountConnection account, CollectedAccount collected,
                                            LocalDate today) {
        LocalDate from = today.minusDays(settings.lookbackDays() - 1L);
        return data.dailyTotals(connection, account.tenant(), account.platform(), account.accountId(), from, today)
                .collectList()
                .map(days -> SyncedSnapshot.of(account.platform(), account.accountId(), collected.emq(), collected.newestDataAt(),
                        days, from, today))
                .flatMap(snapshot -> health.recordSynced(connection, account.tenant(), snapshot));
    }

    private record Written(SyncRun run, SignalHealthView health) {
    }
}
