package ai.stratum.server.lock;

import ai.stratum.server.redis.RedisTestRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisLockTest extends DistributedLockContract {

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
    protected DistributedLock newLock() {
        return new RedisLock(redis.connection(), redis.keyspace());
    }
}
