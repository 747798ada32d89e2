package ai.stratum.server.cdp;

import ai.stratum.server.cdp.churn.ChurnService;
import ai.stratum.server.cdp.rfm.RfmService;
import ai.stratum.server.cdp.segment.SegmentMembership;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Every {@code STRATUM_CDP_PROFILE_SCORES_INTERVAL}, for each tenant once cluster-wide (a lease per tenant and
 * period): RFM scores recomputed, profiles re-scored with the newest churn model, then every segment
 * re-evaluated for every profile. The last step is what moves profiles across time windows ("ordered in
 * the last 30 days") when no event of theirs changed anything; the incremental re-evaluation after
 * ingestion covers the rest. A tenant that fails is logged and the others go on.
 */
@Singleton
@Requires(property = "stratum.cdp.scores.enabled", notEquals = "false")
public class CdpScoresJob {

    private static final Logger LOG = LoggerFactory.getLogger(CdpScoresJob.class);

    private final Database database;
    private final DistributedLock locks;
    private final RfmService rfm;
    private final ChurnService churn;
    private final SegmentMembership membership;
    private final Clock clock;
    private final Duration interval;

    CdpScoresJob(Database database, DistributedLock locks, RfmService rfm, ChurnService churn, SegmentMembership membership, Clock clock,
                 @Value("${stratum.cdp.scores-interval:1h}") Duration interval) {
        this.database = database;
        this.locks = locks;
        this.rfm = rfm;
        this.churn = churn;
        this.membership = membership;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelay = "${stratum.cdp.scores-interval:1h}", initialDelay = "${stratum.cdp.scores-interval:1h}")
    void scheduled() {
        long period = clock.instant().getEpochSecond() / Math.max(1, interval.toSeconds());
        // the scheduler's own thread, never an event loop: waiting for the run here is fine
        database.asSystem(connection -> Sql.of(connection, "SELECT id FROM tenants ORDER BY id").rows(row -> row.get("id", UUID.class)))
                .map(TenantId::new)
                .concatMap(tenant -> locks.tryAcquire("cdp:scores:" + period + ":" + tenant, interval)
                        .flatMap(lease -> lease.isPresent() ? recompute(tenant).onErrorResume(e -> {
                            LOG.error("event=cdp_scores_failed tenant={} error={}", tenant, e.toString());
                            return Mono.empty();
                        }) : Mono.empty()))
                .then()
                .block(interval);
    }

    /** One tenant's run; emits how many segment memberships changed. */
    public Mono<Long> recompute(TenantId tenant) {
        return rfm.recompute(tenant)
                .then(churn.score(tenant))
                .then(membership.refreshAll(tenant))
                .doOnNext(changes -> LOG.info("event=cdp_scores_recomputed tenant={} segment_changes={}", tenant, changes));
    }
}
