package ai.stratum.server.cache;

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

/**
 * The cache shared by every server instance, in Redis under {@code <prefix>cache:<key>}.
 * Values go through Lettuce's UTF-8 string codec, so any string round-trips.
 */
@Singleton
@Requires(condition = RedisConfigured.class)
public final class RedisCache implements Cache {

    /**
     * INCR and the expiry of a new counter in one atomic step: with two commands, a crash
     * between them would leave a counter that never expires — a login lock-out for good.
     * PTTL = -1 means "exists without expiry", i.e. just created by this INCR.
     */
    private static final String INCREMENT_WITH_EXPIRY = """
            local count = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count
            """;

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeyspace keys;

    public RedisCache(StatefulRedisConnection<String, String> connection, RedisKeyspace keyspace) {
        this.redis = connection.reactive();
        this.keys = keyspace.nested("cache:");
    }

    @Override
    public Mono<Optional<String>> get(String key) {
        String redisKey = keys.key(Objects.requireNonNull(key, "key"));
        return redis.get(redisKey).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Void> put(String key, String value, Duration ttl) {
        String redisKey = keys.key(Objects.requireNonNull(key, "key"));
        Objects.requireNonNull(value, "value");
        SetArgs expiry = SetArgs.Builder.px(Ttl.millisRoundedUp(ttl));
        return redis.set(redisKey, value, expiry).then();
    }

    @Override
    public Mono<Boolean> delete(String key) {
        String redisKey = keys.key(Objects.requireNonNull(key, "key"));
        return redis.del(redisKey).map(removed -> removed > 0);
    }

    @Override
    public Mono<Long> increment(String key, Duration ttl) {
        String redisKey = keys.key(Objects.requireNonNull(key, "key"));
        String ttlMillis = Long.toString(Ttl.millisRoundedUp(ttl));
        // EVAL rather than EVALSHA: Redis caches the compiled script by its hash either way, and
        // the few hundred bytes of source per call are cheaper than handling NOSCRIPT after a restart.
        return redis.<Long>eval(INCREMENT_WITH_EXPIRY, ScriptOutputType.INTEGER, new String[] {redisKey}, ttlMillis)
                .single();
    }
}
