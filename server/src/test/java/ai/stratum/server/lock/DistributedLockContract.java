package ai.stratum.server.lock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link DistributedLock} does, whichever backend holds the leases. A subclass
 * supplies the implementation; every assertion here must hold for each of them.
 */
public abstract class DistributedLockContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LONG_TTL = Duration.ofMinutes(10);
    private static final Duration SHORT_TTL = Duration.ofMillis(300);
    /** Short, yet long enough that no stall of a busy test machine runs it out before the next step. */
    private static final Duration STEP_SAFE_TTL = Duration.ofSeconds(2);

    private DistributedLock lock;

    /** A lock for one test; tests use fresh random names, so it may share state with others. */
    protected abstract DistributedLock newLock();

    @BeforeEach
    void createLock() {
        lock = newLock();
    }

    @Test
    void grantsAFreeLeaseWithItsNameAndAFreshToken() {
        String name = newName();

        Lease first = acquire(name, LONG_TTL).orElseThrow();
        first.release().block(TIMEOUT);
        Lease second = acquire(name, LONG_TTL).orElseThrow();

        assertThat(first.name()).isEqualTo(name);
        assertThat(second.name()).isEqualTo(name);
        assertThat(first.token()).isNotBlank().isNotEqualTo(second.token());
    }

    @Test
    void refusesALeaseThatIsHeld() {
        String name = newName();
        acquire(name, LONG_TTL).orElseThrow();

        assertThat(acquire(name, LONG_TTL)).isEmpty();
    }

    @Test
    void grantsALeaseToExactlyOneOfManyConcurrentContenders() {
        String name = newName();

        List<Optional<Lease>> outcomes = Flux.range(0, 50)
                .flatMap(i -> lock.tryAcquire(name, LONG_TTL).subscribeOn(Schedulers.parallel()), 50)
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void leasesWithDifferentNamesAreIndependent() {
        acquire(newName(), LONG_TTL).orElseThrow();

        assertThat(acquire(newName(), LONG_TTL)).isPresent();
    }

    @Test
    void releaseFreesTheLeaseForTheNextHolder() {
        String name = newName();
        Lease lease = acquire(name, LONG_TTL).orElseThrow();

        assertThat(lease.release().block(TIMEOUT)).isTrue();

        assertThat(acquire(name, LONG_TTL)).isPresent();
    }

    @Test
    void releasingTwiceReportsNothingTheSecondTime() {
        Lease lease = acquire(newName(), LONG_TTL).orElseThrow();

        assertThat(lease.release().block(TIMEOUT)).isTrue();
        assertThat(lease.release().block(TIMEOUT)).isFalse();
    }

    @Test
    void expiryFreesTheLease() {
        String name = newName();
        acquire(name, SHORT_TTL).orElseThrow();

        assertThat(eventuallyAcquire(name, LONG_TTL)).isPresent();
    }

    @Test
    void formerHolderCannotReleaseTheNextHoldersLease() {
        String name = newName();
        Lease expired = acquire(name, SHORT_TTL).orElseThrow();
        Lease current = eventuallyAcquire(name, LONG_TTL).orElseThrow();

        assertThat(expired.release().block(TIMEOUT)).isFalse();

        assertThat(acquire(name, LONG_TTL)).as("still held by %s", current).isEmpty();
        assertThat(current.release().block(TIMEOUT)).isTrue();
    }

    @Test
    void formerHolderCannotExtendTheNextHoldersLease() {
        String name = newName();
        Lease expired = acquire(name, SHORT_TTL).orElseThrow();
        Lease current = eventuallyAcquire(name, LONG_TTL).orElseThrow();

        assertThat(expired.extend(LONG_TTL).block(TIMEOUT)).isFalse();

        assertThat(current.release().block(TIMEOUT)).isTrue();
    }

    @Test
    void extendKeepsTheLeasePastItsFirstTtl() {
        String name = newName();
        Lease lease = acquire(name, STEP_SAFE_TTL).orElseThrow();

        assertThat(lease.extend(LONG_TTL).block(TIMEOUT)).isTrue();

        // A lease taken after the first with the same TTL: once it has expired, so would the
        // first have — unless extend moved its expiry.
        String yardstick = newName();
        acquire(yardstick, STEP_SAFE_TTL).orElseThrow();
        eventuallyAcquire(yardstick, LONG_TTL).orElseThrow();
        assertThat(acquire(name, LONG_TTL)).isEmpty();
        assertThat(lease.release().block(TIMEOUT)).isTrue();
    }

    @Test
    void extendCanShortenTheLease() {
        String name = newName();
        Lease lease = acquire(name, LONG_TTL).orElseThrow();

        assertThat(lease.extend(SHORT_TTL).block(TIMEOUT)).isTrue();

        assertThat(eventuallyAcquire(name, LONG_TTL)).isPresent();
    }

    @Test
    void releasedLeaseCannotBeExtended() {
        Lease lease = acquire(newName(), LONG_TTL).orElseThrow();
        lease.release().block(TIMEOUT);

        assertThat(lease.extend(LONG_TTL).block(TIMEOUT)).isFalse();
    }

    @Test
    void rejectsATtlThatIsNotPositive() {
        String name = newName();
        Lease lease = acquire(name, LONG_TTL).orElseThrow();

        assertThatIllegalArgumentException().isThrownBy(() -> lock.tryAcquire(newName(), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> lock.tryAcquire(newName(), Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> lease.extend(Duration.ZERO));
    }

    @Test
    void nothingHappensUntilSubscribed() {
        String name = newName();

        Mono<Optional<Lease>> attempt = lock.tryAcquire(name, LONG_TTL);

        assertThat(acquire(name, LONG_TTL)).isPresent();
        assertThat(attempt.block(TIMEOUT)).isEmpty();
    }

    private Optional<Lease> acquire(String name, Duration ttl) {
        return lock.tryAcquire(name, ttl).block(TIMEOUT);
    }

    /** Retries until the lease is free, failing after {@link #TIMEOUT}: TTLs pass on a real clock. */
    private Optional<Lease> eventuallyAcquire(String name, Duration ttl) {
        return Mono.defer(() -> lock.tryAcquire(name, ttl))
                .filter(Optional::isPresent)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(TIMEOUT, Mono.error(() -> new AssertionError(name + " still held after " + TIMEOUT)))
                .block();
    }

    private static String newName() {
        return "job:" + UUID.randomUUID();
    }
}
