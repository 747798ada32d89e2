package ai.stratum.server.pubsub;

import ai.stratum.server.redis.RedisTestRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisPubSubTest extends PubSubContract {

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
    protected PubSub newPubSub() {
        return new RedisPubSub(redis.connection(), redis.newPubSubConnection(), redis.keyspace());
    }
}
