package ai.stratum.server.redis;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.cache.InProcessCache;
import ai.stratum.server.cache.RedisCache;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.lock.InProcessLock;
import ai.stratum.server.lock.RedisLock;
import ai.stratum.server.pubsub.InProcessPubSub;
import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.pubsub.RedisPubSub;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import ai.stratum.server.RuntimeProperties;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration key alone picks the implementations, in a real application context. */
class CoordinationWiringTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void blankRedisUrlWiresTheInProcessImplementations() {
        try (ApplicationContext context = ApplicationContext.run(withDatabase(Map.of(CoordinationMode.URL_PROPERTY, "")))) {
            assertThat(context.getBean(Cache.class)).isInstanceOf(InProcessCache.class);
            assertThat(context.getBean(PubSub.class)).isInstanceOf(InProcessPubSub.class);
            assertThat(context.getBean(DistributedLock.class)).isInstanceOf(InProcessLock.class);
            assertThat(context.containsBean(RedisClient.class)).isFalse();
            assertThat(context.getBean(CoordinationMode.class).describe()).isEqualTo("in-process");
            assertThat(health(context).getStatus()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void redisUrlWiresTheRedisImplementationsAndShutsThemDown() {
        RedisKeyspace keyspace = RedisTestRun.newKeyspace();
        StatefulRedisConnection<String, String> connection;
        try (ApplicationContext context = ApplicationContext.run(withDatabase(Map.of(
                CoordinationMode.URL_PROPERTY, RedisTestServer.url(),
                RedisKeyspace.PREFIX_PROPERTY, keyspace.prefix())))) {
            assertThat(context.getBean(Cache.class)).isInstanceOf(RedisCache.class);
            assertThat(context.getBean(PubSub.class)).isInstanceOf(RedisPubSub.class);
            assertThat(context.getBean(DistributedLock.class)).isInstanceOf(RedisLock.class);
            assertThat(context.getBean(CoordinationMode.class).describe()).isEqualTo("redis " + RedisTestServer.url());
            assertThat(health(context).getStatus()).isEqualTo(HealthStatus.UP);

            Cache cache = context.getBean(Cache.class);
            cache.put("wiring", "ok", Duration.ofSeconds(30)).block(TIMEOUT);
            assertThat(cache.get("wiring").block(TIMEOUT)).contains("ok");
            cache.delete("wiring").block(TIMEOUT);

            connection = context.getBean(Argument.of(StatefulRedisConnection.class, String.class, String.class));
        }
        assertThat(connection.isOpen()).as("connection closed on shutdown").isFalse();
    }

    /** The application needs its database to start; this run's own one. */
    private static Map<String, Object> withDatabase(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(RuntimeProperties.database(TestDatabase.url()));
        all.putAll(properties);
        return all;
    }

    private static HealthResult health(ApplicationContext context) {
        return Mono.from(context.getBean(RedisHealthIndicator.class).getResult()).block(TIMEOUT);
    }
}
