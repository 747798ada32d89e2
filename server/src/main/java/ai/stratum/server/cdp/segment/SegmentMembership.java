package ai.stratum.server.cdp.segment;

import ai.stratum.server.database.Database;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the stored membership of a tenant's segments in line with their rules: for a few profiles
 * (after they changed) or for everyone (rules changed; time windows moved; RFM or churn scores were
 * recomputed). Each segment is reconciled in its own transaction holding its row lock, and its changes
 * are published on {@link MembershipFeed} once committed.
 */
@Singleton
public class SegmentMembership {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentMembership.class);

    private final Database database;
    private final SegmentRepository segments;
    private final MembershipFeed feed;
    private final Clock clock;

    SegmentMembership(Database database, SegmentRepository segments, MembershipFeed feed, Clock clock) {
        this.database = database;
        this.segments = segments;
        this.feed = feed;
        this.clock = clock;
    }

    /** Re-evaluates the given profiles against every segment of the tenant; emits how many changes. */
    public Mono<Long> refreshProfiles(TenantId tenant, Collection<UUID> profiles) {
        if (profiles.isEmpty()) {
            return Mono.just(0L);
        }
        return refresh(tenant, Optional.of(List.copyOf(profiles)));
    }

    /** Re-evaluates every live profile against every segment of the tenant. */
    public Mono<Long> refreshAll(TenantId tenant) {
        return refresh(tenant, Optional.empty());
    }

    /** Re-evaluates every live profile against one segment. */
    Mono<Long> refreshSegment(TenantId tenant, UUID segment) {
        return reconcile(tenant, segment, Optional.empty());
    }

    private Mono<Long> refresh(TenantId tenant, Optional<Collection<UUID>> profiles) {
        return database.inTenant(tenant, connection -> segments.all(connection, tenant).map(Segment::id))
                .concatMap(segment -> reconcile(tenant, segment, profiles))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> reconcile(TenantId tenant, UUID segment, Optional<Collection<UUID>> profiles) {
        return database.inTenant(tenant, connection -> segments.lock(connection, tenant, segment)
                        .flatMapMany(locked -> segments.reconcile(connection, tenant, locked, profiles, clock.instant())))
                .collectList()
                .flatMap(changes -> Flux.fromIterable(changes).concatMap(change -> feed.publish(tenant, change))
                        .then(Mono.just((long) changes.size())))
                .doOnNext(count -> {
                    if (count > 0) {
                        LOG.debug("event=cdp_segment_reconciled tenant={} segment={} changes={} scope={}", tenant, segment, count,
                                profiles.map(ids -> ids.size() + "_profiles").orElse("all"));
                    }
                });
    }
}
