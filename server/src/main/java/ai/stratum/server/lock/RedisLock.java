package ai.stratum.server.lock;

import ai.stratum.server.redis.RedisConfigured;
import ai.stratum.server.redis.RedisKeyspace;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Leases shared by every server instance, one Redis key per lease under
 * {@code <prefix>lock:<name>} holding the owner's token. Taking it is {@code SET NX PX}; release
 * and extend are Lua scripts, so that checking the token and acting on the key are one step —
 * otherwise the lease could expire and pass to another holder between the two.
 */
@Singleton
@Requires(condition = RedisConfigured.class)
public final class RedisLock implements DistributedLock {

    private static final String RELEASE_IF_OWNER = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private static final String EXTEND_IF_OWNER = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeyspace keys;

    public RedisLock(StatefulRedisConnection<String, String> connection, RedisKeyspace keyspace) {
        this.redis = connection.reactive();
        this.keys = keyspace.nested("lock:");
    }

    @Override
    public Mono<Optional<Lease>> tryAcquire(String name, Duration ttl) {
        String key = keys.key(Objects.requireNonNull(name, "name"));
        SetArgs ifAbsent = SetArgs.Builder.nx().px(Ttl.millisRoundedUp(ttl));
        return Mono.defer(() -> {
            String token = UUID.randomUUID().toString();
            // SET NX answers OK when it took the key and nil (an empty Mono) when the key was held.
            return redis.set(key, token, ifAbsent)
                    .map(ok -> Optional.<Lease>of(new RedisLease(name, token, key)))
                    .defaultIfEmpty(Optional.empty());
        });
    }

    private final class RedisLease implements Lease {

        private final String name;
        private final String token;
        private final String key;

        RedisLease(String name, String token, String key) {
            this.name = name;
            this.token = token;
            this.key = key;
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
            return ifOwner(RELEASE_IF_OWNER, token);
        }

        @Override
        public Mono<Boolean> extend(Duration ttl) {
            return ifOwner(EXTEND_IF_OWNER, token, Long.toString(Ttl.millisRoundedUp(ttl)));
        }

        private Mono<Boolean> ifOwner(String script, String... args) {
            return redis.<Long>eval(script, ScriptOutputType.INTEGER, new String[] {key}, args)
                    .single()
                    .map(changed -> changed == 1L);
        }

        @Override
        public String toString() {
            return "Lease[" + name + ", " + token + "]";
        }
    }
}
