package ai.stratum.server.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.util.UUID;

/**
 * Connections to the test Redis under a key prefix of their own, so that concurrent or earlier
 * test runs never see each other's keys or channels; {@link #close()} deletes the keys left
 * behind and closes every connection.
 */
public final class RedisTestRun implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisKeyspace keyspace;

    private RedisTestRun(RedisClient client, RedisKeyspace keyspace) {
        this.client = client;
        this.connection = client.connect();
        this.keyspace = keyspace;
    }

    public static RedisTestRun start() {
        return new RedisTestRun(RedisClient.create(RedisTestServer.url()), newKeyspace());
    }

    public static RedisKeyspace newKeyspace() {
        return new RedisKeyspace("stratum-test:" + UUID.randomUUID() + ":");
    }

    public RedisKeyspace keyspace() {
        return keyspace;
    }

    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** Test code may block: this is the synchronous view of the shared connection. */
    public RedisCommands<String, String> sync() {
        return connection.sync();
    }

    /** A further pub/sub connection, as a second server instance would have; closed with this run. */
    public StatefulRedisPubSubConnection<String, String> newPubSubConnection() {
        return client.connectPubSub();
    }

    @Override
    public void close() {
        try {
            deleteKeys(keyspace);
        } finally {
            client.shutdown();
        }
    }

    private void deleteKeys(RedisKeyspace run) {
        RedisCommands<String, String> redis = connection.sync();
        ScanArgs matching = ScanArgs.Builder.matches(run.pattern()).limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, matching);
            if (!page.getKeys().isEmpty()) {
                redis.unlink(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }
}
