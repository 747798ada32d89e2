package ai.stratum.server.cache;

import ai.stratum.server.redis.RedisNotConfigured;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache of a single server, in memory. Caffeine holds the entries because it expires each
 * one after its own TTL and never returns an expired entry, even before it has been evicted.
 * Memory stays bounded by the write rate times the TTLs, since every entry has one.
 */
@Singleton
@Requires(condition = RedisNotConfigured.class)
public final class InProcessCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries = Caffeine.newBuilder()
            .expireAfter(new EntryExpiry())
            .build();

    @Override
    public Mono<Optional<String>> get(String key) {
        Objects.requireNonNull(key, "key");
        return Mono.fromSupplier(() -> Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value));
    }

    @Override
    public Mono<Void> put(String key, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Entry entry = Entry.restartingClock(value, Ttl.requirePositive(ttl));
        return Mono.fromRunnable(() -> entries.put(key, entry));
    }

    @Override
    public Mono<Boolean> delete(String key) {
        Objects.requireNonNull(key, "key");
        return Mono.fromSupplier(() -> {
            // asMap().remove treats an expired entry as absent, like Redis DEL on an expired key.
            return entries.asMap().remove(key) != null;
        });
    }

    @Override
    public Mono<Long> increment(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Duration checked = Ttl.requirePositive(ttl);
        return Mono.fromSupplier(() -> {
            // compute() runs atomically per key and sees an expired entry as absent.
            Entry counted = entries.asMap().compute(key, (k, current) -> current == null
                    ? Entry.restartingClock("1", checked)
                    : Entry.keepingClock(Long.toString(Math.addExact(parseCount(current.value()), 1))));
            return Long.parseLong(counted.value());
        });
    }

    private static long parseCount(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("value is not an integer", e);
        }
    }

    /**
     * A value and what writing it does to its expiry: a put restarts the TTL (like Redis SET),
     * an increment of a live counter keeps it (like Redis INCR).
     */
    private record Entry(String value, long ttlNanos, boolean restartsClock) {

        static Entry restartingClock(String value, Duration ttl) {
            return new Entry(value, saturatedNanos(ttl), true);
        }

        static Entry keepingClock(String value) {
            return new Entry(value, 0, false);
        }

        private static long saturatedNanos(Duration ttl) {
            try {
                return ttl.toNanos();
            } catch (ArithmeticException tooLong) {
                return Long.MAX_VALUE;
            }
        }
    }

    private static final class EntryExpiry implements Expiry<String, Entry> {

        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return entry.restartsClock() ? entry.ttlNanos() : currentDuration;
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
