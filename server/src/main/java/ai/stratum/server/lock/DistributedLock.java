package ai.stratum.server.lock;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * Named, expiring, exclusive leases shared by every server instance: how a scheduled job runs
 * once cluster-wide rather than once per instance. A lease is held until it is released or its
 * TTL passes — whichever comes first — so a crashed holder can't keep a job from running for
 * longer than one TTL. Work that may outlast the TTL must {@link Lease#extend extend} it.
 */
public interface DistributedLock {

    /**
     * Takes the lease {@code name} for {@code ttl} if nobody holds it; emits the lease, or empty
     * when another holder has it. Never waits for the lease to become free.
     */
    Mono<Optional<Lease>> tryAcquire(String name, Duration ttl);
}
