package ai.stratum.server.connectors;

import ai.stratum.server.database.Database;
import ai.stratum.server.lock.DistributedLock;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Every {@code STRATUM_SYNC_INTERVAL} (30 minutes by default), once across all server instances:
 * each connection that is neither waiting for a person (NEEDS_REAUTH) nor PAUSED is synced over
 * the lookback window. A lease per connection and interval window, left to expire rather than
 * released, makes the instance that takes it the only one to sync that connection in that window.
 */
@Singleton
@Requires(property = "stratum.sync.enabled", notEquals = "false")
class SyncScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    /** Connections synced at once by one instance; each sync's plugin calls share the connector-calls pool. */
    static final int CONCURRENCY = 4;
    /** The longest one pass may block the scheduler thread; each run also has its own limit. */
    private static final Duration MAX_PASS = Duration.ofHours(6);

    private final Database database;
    private final ConnectionRepository connections;
    private final DistributedLock locks;
    private final SyncService syncs;
    private final SyncSettings settings;
    private final Clock clock;

    SyncScheduler(Database database, ConnectionRepository connections, DistributedLock locks, SyncService syncs,
                  SyncSettings settings, Clock clock) {
        this.database = database;
        this.connections = connections;
        this.locks = locks;
        this.syncs = syncs;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${stratum.sync.interval:30m}", initialDelay = "${stratum.sync.initial-delay:1m}")
    void runAll() {
        // runs on the scheduler's own thread, never an event loop: waiting here is fine
        Long synced = pass().block(MAX_PASS);
        LOG.info("event=sync_pass_finished connections={}", synced);
    }

    /** One pass over every schedulable connection; emits how many this instance synced. */
    Mono<Long> pass() {
        long window = clock.instant().getEpochSecond() / settings.interval().toSeconds();
        return database.asSystem(connections::schedulable)
                .flatMap(connection -> locks.tryAcquire("sync:" + connection.tenant() + ":" + connection.id() + ":" + window,
                                        settings.interval().multipliedBy(2))
                                .flatMap(lease -> lease.isEmpty() ? Mono.<SyncRun>empty() : syncs.syncScheduled(connection))
                                .onErrorResume(e -> {
                                    // one connection's failure must not stop the others' syncs
                                    LOG.error("event=scheduled_sync_failed tenant={} connection={}", connection.tenant(),
                                            connection.id(), e);
                                    return Mono.empty();
                                }),
                        CONCURRENCY)
                .count();
    }
}
