package ai.stratum.server.connectors;

import ai.stratum.server.database.Database;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Carries one started run to its end: open the connection's credentials, read the account through
 * its plugin while staging its daily rows, then write everything at once. Any failure on the way
 * (the platform, the plugin, the database, the time limit) fails the run with a clear error,
 * discards what was staged and writes nothing else.
 */
@Singleton
class SyncRunner {

    /** The longest one sync may take; a run RUNNING for longer than this (plus a margin) was abandoned. */
    static final Duration MAX_RUN = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final Database database;
    private final ConnectionRepository connections;
    private final SyncRunRepository runs;
    private final CredentialStore credentials;
    private final AccountCollector collector;
    private final SyncWriter writer;
    private final StagedPerformance staged;
    private final Clock clock;

    SyncRunner(Database database, ConnectionRepository connections, SyncRunRepository runs, CredentialStore credentials,
               AccountCollector collector, SyncWriter writer, StagedPerformance staged, Clock clock) {
        this.database = database;
        this.connections = connections;
        this.runs = runs;
        this.credentials = credentials;
        this.collector = collector;
        this.writer = writer;
        this.staged = staged;
        this.clock = clock;
    }

    /** @return the finished run, SUCCEEDED or FAILED; never an error */
    Mono<SyncRun> run(AccountConnection connection, SyncRun run) {
        SyncWindow window = new SyncWindow(run.from(), run.to());
        long started = System.nanoTime();
        return credentials.open(connection)
                .flatMap(session -> collector.collect(session, window,
                        new StagingBuffer(database, staged, connection.tenant(), run.id())))
                .flatMap(collected -> writer.write(connection, run, window, collected))
                .timeout(MAX_RUN)
                .doOnNext(finished -> LOG.info("event=sync_succeeded tenant={} connection={} platform={} run={} rows={} millis={}",
                        connection.tenant(), connection.id(), connection.platform(), run.id(), finished.rowsWritten(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis()))
                .onErrorResume(failure -> fail(connection, run, failure));
    }

    private Mono<SyncRun> fail(AccountConnection connection, SyncRun run, Throwable failure) {
        TenantId tenant = connection.tenant();
        String error = message(failure);
        // a connection marked NEEDS_REAUTH shows the platform's own words, as the call policy stored them
        String connectionError = failure instanceof ConnectorCallException call && call.failure() == CallFailure.NEEDS_REAUTH
                ? call.platformMessage() : error;
        if (failure instanceof ConnectorCallException) {
            LOG.warn("event=sync_failed tenant={} connection={} platform={} run={} error=\"{}\"", tenant, connection.id(),
                    connection.platform(), run.id(), error.replace("\"", "'"));
        } else {
            LOG.error("event=sync_failed tenant={} connection={} platform={} run={}", tenant, connection.id(),
                    connection.platform(), run.id(), failure);
        }
        return database.inTenantOne(tenant, c -> staged.discard(c, tenant, run.id())
                        .then(runs.finish(c, tenant, run.id(), SyncStatus.FAILED, 0, error))
                        .flatMap(finished -> connections.syncFinished(c, tenant, connection.id(), SyncStatus.FAILED, connectionError,
                                clock.instant()).thenReturn(finished)))
                .defaultIfEmpty(new SyncRun(run.id(), tenant, run.connectionId(), SyncStatus.FAILED, run.from(), run.to(), 0,
                        run.startedAt(), clock.instant(), error, run.triggeredBy()))
                .onErrorResume(recordFailure -> {
                    // the database itself failed: the run stays RUNNING until the abandoned-run sweep fails it
                    LOG.error("event=sync_failure_unrecorded tenant={} connection={} run={}", tenant, connection.id(), run.id(),
                            recordFailure);
                    return Mono.just(new SyncRun(run.id(), tenant, run.connectionId(), SyncStatus.FAILED, run.from(), run.to(), 0,
                            run.startedAt(), clock.instant(), error, run.triggeredBy()));
                });
    }

    /** What a person reads as the run's error: the call's message, or a plain one for the host's own failures. */
    static String message(Throwable failure) {
        if (failure instanceof ConnectorCallException call) {
            return call.getMessage();
        }
        if (failure instanceof TimeoutException) {
            return "The sync did not finish within " + MAX_RUN.toMinutes() + " minutes; nothing was written";
        }
        return "The sync failed on the server (" + failure.getClass().getSimpleName() + "); nothing was written; see the server log";
    }
}
