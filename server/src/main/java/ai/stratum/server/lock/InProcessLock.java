package ai.stratum.server.lock;

import ai.stratum.server.redis.RedisNotConfigured;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leases within a single server. Each change is one atomic {@code compute} on the lease's name.
 * An expired lease that nobody releases stays in the map until its name is next acquired; lease
 * names are job names, a small fixed set, so that costs nothing worth a sweeper thread.
 */
@Singleton
@Requires(condition = RedisNotConfigured.class)
public final class InProcessLock implements DistributedLock {

    private final ConcurrentMap<String, Holder> holders = new ConcurrentHashMap<>();

    @Override
    public Mono<Optional<Lease>> tryAcquire(String name, Duration ttl) {
        Objects.requireNonNull(name, "name");
        long ttlNanos = Ttl.nanos(ttl);
        return Mono.fromSupplier(() -> {
            long now = System.nanoTime();
            Holder mine = new Holder(UUID.randomUUID().toString(), now + ttlNanos);
            Holder winner = holders.compute(name, (n, held) -> held == null || held.expiredAt(now) ? mine : held);
            return winner == mine ? Optional.of(new InProcessLease(name, mine.token())) : Optional.empty();
        });
    }

    /** Who holds a lease and until when, on the {@link System#nanoTime()} clock. */
    private record Holder(String token, long deadline) {

        boolean expiredAt(long now) {
            return now - deadline >= 0;
        }

        boolean liveAndOwnedBy(String candidate, long now) {
            return token.equals(candidate) && !expiredAt(now);
        }
    }

    private final class InProcessLease implements Lease {

        private final String name;
        private final String token;

        InProcessLease(String name, String token) {
            this.name = name;
            this.token = token;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public Mono<Boolean> release() {
            return Mono.fromSupplier(() -> {
                long now = System.nanoTime();
                AtomicBoolean released = new AtomicBoolean();
                holders.computeIfPresent(name, (n, held) -> {
                    if (held.liveAndOwnedBy(token, now)) {
                        released.set(true);
                        return null;
                    }
                    // Someone else's lease stays; an expired one may as well go now.
                    return held.expiredAt(now) ? null : held;
                });
                return released.get();
            });
        }

        @Override
        public Mono<Boolean> extend(Duration ttl) {
            long ttlNanos = Ttl.nanos(ttl);
            return Mono.fromSupplier(() -> {
                long now = System.nanoTime();
                Holder extended = holders.computeIfPresent(name, (n, held) ->
                        held.liveAndOwnedBy(token, now) ? new Holder(token, now + ttlNanos) : held);
                return extended != null && extended.token().equals(token) && !extended.expiredAt(now);
            });
        }

        @Override
        public String toString() {
            return "Lease[" + name + ", " + token + "]";
        }
    }
}
