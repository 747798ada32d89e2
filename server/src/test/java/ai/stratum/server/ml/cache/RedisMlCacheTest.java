package ai.stratum.server.ml.cache;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.cache.RedisCache;
import ai.stratum.server.redis.RedisTestRun;
import ai.stratum.server.redis.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedisMlCacheTest extends MlCacheContract {

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
    void keepsGenerationsAndResultsInRedisWithExpiries() {
        MlCache cache = mlCache(newCache(), Duration.ofMinutes(30));
        get(cache, FORECAST, Map.of("days", 7));
        new CacheGenerations(newCache(), new CacheLifetimes(Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofHours(24)))
                .bumpData(tenant()).block(TIMEOUT);

        String generation = redis.keyspace().key("cache:ml-generation:" + tenant() + ":data");
        assertThat(redis.sync().get(generation)).isNotBlank().isNotEqualTo("0");
        assertThat(redis.sync().pttl(generation)).isBetween(Duration.ofHours(47).toMillis(), Duration.ofHours(48).toMillis());
        String result = redis.keyspace().key("cache:ml:forecast:v1:" + tenant() + ":0:-:" + CanonicalJson.sha256(Map.of("days", 7)));
        assertThat(redis.sync().pttl(result)).isBetween(1L, Duration.ofMinutes(30).toMillis());
    }

    @Test
    void computesUncachedWhenRedisIsUnreachable() {
        RedisClient client = RedisClient.create(RedisTestServer.url());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            connection.close();
            MlCache unreachable = mlCache(new RedisCache(connection, redis.keyspace()), Duration.ofMinutes(30));

            get(unreachable, FORECAST, Map.of("days", 7));
            get(unreachable, FORECAST, Map.of("days", 7));

            assertThat(computations()).hasValue(2);
            assertThat(meters().counter("stratum.ml.cache.requests", "operation", "forecast", "result", "bypass").count()).isEqualTo(2);
        } finally {
            client.shutdown();
        }
    }
}
