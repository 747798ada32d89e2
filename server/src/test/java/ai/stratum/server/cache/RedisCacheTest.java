package ai.stratum.server.cache;

import ai.stratum.server.redis.RedisTestRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCacheTest extends CacheContract {

    private static RedisTestRun redis;

    @BeforeAll
    static void connect() {
        redis = RedisTestRun.start();
    }

    @AfterAll
    static void cleanUp() {
        redis.close();
    }

    @Override
    protected Cache newCache() {
        return new RedisCache(redis.connection(), redis.keyspace());
    }

    @Test
    void storesEntriesUnderTheDeploymentPrefixWithARedisExpiry() {
        newCache().put("rate:login", "1", Duration.ofMinutes(5)).block(Duration.ofSeconds(10));

        String redisKey = redis.keyspace().key("cache:rate:login");
        assertThat(redis.sync().get(redisKey)).isEqualTo("1");
        assertThat(redis.sync().pttl(redisKey)).isBetween(1L, Duration.ofMinutes(5).toMillis());
    }
}
