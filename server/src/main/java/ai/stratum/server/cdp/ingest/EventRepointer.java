package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.CdpSettings;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;

/**
 * Moves the events of merged profiles to their survivor, in the background: a merge of a profile
 * with a long history must not make the request that caused it wait. Each step moves at most
 * {@code STRATUM_CDP_REPOINT_BATCH_SIZE} events in its own short transaction; a profile is done
 * when no event points at it. Until then, reads of the survivor include its aliases' events.
 *
 * <p>Runs every {@code STRATUM_CDP_REPOINT_INTERVAL} under a cluster-wide lease. The work is
 * idempotent (an event already moved is not matched again), so an instance that loses its lease
 * mid-run, or a merge that happens meanwhile, does no harm: the survivor is read afresh each step.
 */
@Singleton
@Requires(property = "stratum.cdp.repoint.enabled", notEquals = "false")
public class EventRepointer {

    private static final Logger LOG = LoggerFactory.getLogger(EventRepointer.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int PROFILES_PER_RUN = 500;

    private final Database database;
    private final EventRepository events;
    private final DistributedLock locks;
    private final int batchSize;

    EventRepointer(Database database, EventRepository events, DistributedLock locks, CdpSettings settings) {
        this.database = database;
        this.events = events;
        this.locks = locks;
        this.batchSize = settings.repointBatchSize();
    }

    @Scheduled(fixedDelay = "${stratum.cdp.repoint-interval:10s}", initialDelay = "${stratum.cdp.repoint-interval:10s}")
    void scheduled() {
        // the scheduler's own thread, never an event loop: waiting here is fine
        locks.tryAcquire("cdp:repoint", LEASE)
                .flatMap(lease -> lease.isEmpty() ? Mono.just(0L) : runOnce())
                .onErrorResume(e -> {
                    LOG.error("event=cdp_repoint_failed", e);
                    return Mono.just(0L);
                })
                .block(LEASE);
    }

    /** One pass over the merged profiles whose events still point at them; emits how many events moved. */
    public Mono<Long> runOnce() {
        return database.asSystem(connection -> Sql.of(connection, "SELECT tenant_id, id FROM cdp_profiles "
                                + "WHERE merged_into IS NOT NULL AND events_repointed_at IS NULL ORDER BY merged_at LIMIT $1", PROFILES_PER_RUN)
                        .rows(row -> new Pending(new TenantId(row.get("tenant_id", UUID.class)), row.get("id", UUID.class))))
                .concatMap(this::drain)
                .reduce(0L, Long::sum);
    }

    /** Moves all of one merged profile's events, a batch per transaction, then marks it done. */
    private Mono<Long> drain(Pending pending) {
        return step(pending)
                .expand(moved -> moved < batchSize ? Mono.empty() : step(pending))
                .reduce(0L, Long::sum)
                .flatMap(total -> markDone(pending).thenReturn(total))
                .doOnNext(total -> LOG.debug("event=cdp_events_repointed tenant={} profile={} events={}", pending.tenant(), pending.id(), total));
    }

    private Mono<Long> step(Pending pending) {
        return database.inTenantOne(pending.tenant(), connection -> Sql.of(connection,
                                "SELECT merged_into FROM cdp_profiles WHERE tenant_id = $1 AND id = $2", pending.tenant().value(), pending.id())
                        .row(row -> row.get("merged_into", UUID.class))
                        .flatMap(survivor -> events.repoint(connection, pending.tenant(), pending.id(), survivor, batchSize)))
                .defaultIfEmpty(0L);
    }

    private Mono<Long> markDone(Pending pending) {
        return database.inTenantOne(pending.tenant(), connection -> Sql.of(connection,
                        "UPDATE cdp_profiles SET events_repointed_at = now() WHERE tenant_id = $1 AND id = $2 AND events_repointed_at IS NULL "
                                + "AND NOT EXISTS (SELECT 1 FROM cdp_events WHERE tenant_id = $1 AND profile_id = $2)",
                        pending.tenant().value(), pending.id())
                .update());
    }

    private record Pending(TenantId tenant, UUID id) {
    }
}
