package ai.stratum.server.redis;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Which backend carries the cache, pub/sub and locks: Redis when {@value #URL_PROPERTY} is set,
 * so that every server instance shares them, otherwise this process alone. The start-up log and
 * the health endpoint print {@link #describe()}.
 */
@Singleton
public final class CoordinationMode {

    public static final String URL_PROPERTY = "stratum.redis.url";

    private final RedisUrl redisUrl;

    public CoordinationMode(@Value("${" + URL_PROPERTY + ":}") String redisUrl) {
        this.redisUrl = isRedisUrl(redisUrl) ? RedisUrl.parse(redisUrl) : null;
    }

    /** The one rule for "Redis is configured", shared with {@link RedisConfigured}. */
    static boolean isRedisUrl(String value) {
        return value != null && !value.isBlank();
    }

    public boolean usesRedis() {
        return redisUrl != null;
    }

    public Optional<RedisUrl> redisUrl() {
        return Optional.ofNullable(redisUrl);
    }

    /** {@code redis redis://127.0.0.1:6379}, with {@code (password hidden)} when it had one; or {@code in-process}. */
    public String describe() {
        if (redisUrl == null) {
            return "in-process";
        }
        return "redis " + redisUrl.redacted() + (redisUrl.hasCredentials() ? " (password hidden)" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
