package ai.stratum.server.cdp.segment;

import ai.stratum.server.cdp.profile.ProfilesChanged;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Re-evaluates changed profiles against their tenant's segments, in batches, off the request: ingestion
 * is acknowledged once its events are stored, and the profiles it touched are collected here and
 * reconciled {@value #BATCH_WINDOW_MILLIS} ms later on one thread of its own ({@code cdp-segments}), all
 * of a tenant's pending profiles in one pass. A failed pass is logged; the periodic full recompute
 * repairs what it missed.
 */
@Singleton
public class SegmentRefreshQueue {

    static final long BATCH_WINDOW_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRefreshQueue.class);
    private static final Duration MAX_PASS = Duration.ofMinutes(5);

    private final SegmentMembership membership;
    private final Map<TenantId, Set<UUID>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cdp-segments");
        thread.setDaemon(true);
        return thread;
    });

    SegmentRefreshQueue(SegmentMembership membership) {
        this.membership = membership;
    }

    @EventListener
    void onProfilesChanged(ProfilesChanged changed) {
        if (changed.profileIds().isEmpty()) {
            return;
        }
        pending.compute(changed.tenant(), (tenant, ids) -> {
            Set<UUID> all = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            all.addAll(changed.profileIds());
            return all;
        });
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(this::drain, BATCH_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        scheduled.set(false);
        for (TenantId tenant : Set.copyOf(pending.keySet())) {
            Set<UUID> ids = pending.remove(tenant);
            if (ids == null) {
                continue;
            }
            try {
                // this thread is the queue's own, never an event loop: waiting for the pass here is fine
                membership.refreshProfiles(tenant, new HashSet<>(ids)).block(MAX_PASS);
            } catch (RuntimeException e) {
                LOG.warn("event=cdp_segment_refresh_failed tenant={} profiles={} error={}", tenant, ids.size(), e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
