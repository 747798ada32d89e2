package ai.stratum.server.lock;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A held {@link DistributedLock} lease. Its owner token, unique to this acquisition, is what
 * makes release and extend safe: once the lease has expired and someone else took it, this
 * lease's release and extend do nothing rather than act on the new holder's lease.
 */
public interface Lease {

    String name();

    /** Identifies this acquisition; not a secret, fine in logs. */
    String token();

    /** Gives the lease up if this is still its holder; emits whether it was. */
    Mono<Boolean> release();

    /**
     * Sets the lease to expire {@code ttl} from now if this is still its holder; emits whether
     * it was. False means the lease expired and the work it guards must stop.
     */
    Mono<Boolean> extend(Duration ttl);
}
