package ai.stratum.server.cdp.score;

import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Recomputes the CDP score of every tenant with CDP data (or a score to withdraw) every
 * {@code STRATUM_CDP_SCORE_INTERVAL}, once cluster-wide under a lease. Signal health reads the stored
 * score whenever it is computed, so the trust engine follows within one interval.
 */
@Singleton
@Requires(property = "stratum.cdp.score.enabled", notEquals = "false")
public class CdpScoreJob {

    private static final Logger LOG = LoggerFactory.getLogger(CdpScoreJob.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final Database database;
    private final CdpScoreService scores;
    private final DistributedLock locks;

    CdpScoreJob(Database database, CdpScoreService scores, DistributedLock locks) {
        this.database = database;
        this.scores = scores;
        this.locks = locks;
    }

    @Scheduled(fixedDelay = "${stratum.cdp.score-interval:5m}", initialDelay = "${stratum.cdp.score-interval:5m}")
    void scheduled() {
        // the scheduler's own thread, never an event loop: waiting here is fine
        locks.tryAcquire("cdp:score", LEASE)
                .flatMap(lease -> lease.isEmpty() ? Mono.just(0L) : runOnce())
                .onErrorResume(e -> {
                    LOG.error("event=cdp_score_failed", e);
                    return Mono.just(0L);
                })
                .block(LEASE);
    }

    /** Recomputes every tenant's score; emits how many tenants were scored. */
    public Mono<Long> runOnce() {
        LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(CdpScoreService.WINDOW.toDays());
        return database.asSystem(connection -> Sql.of(connection, "SELECT tenant_id FROM cdp_identity_daily WHERE day >= $1 "
                                + "UNION SELECT tenant_id FROM cdp_scores", since)
                        .rows(row -> new TenantId(row.get("tenant_id", UUID.class))))
                .concatMap(tenant -> scores.refresh(tenant).onErrorResume(e -> {
                    // one tenant's failure must not stop the others' scores
                    LOG.warn("event=cdp_score_tenant_failed tenant={} error={}", tenant, e.toString());
                    return Mono.empty();
                }))
                .count();
    }
}
