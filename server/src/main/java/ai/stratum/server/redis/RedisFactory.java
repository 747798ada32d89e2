package ai.stratum.server.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

/**
 * The Lettuce client and its two long-lived connections: one for commands, shared by every
 * caller (Lettuce connections are thread-safe and pipeline concurrent commands), and one in
 * subscriber mode for pub/sub, which cannot run ordinary commands.
 *
 * <p>The connections are {@link Context} beans: they are opened at start-up on the main thread,
 * so a wrong URL stops the server with a clear error, and no request ever waits on a Netty
 * event loop for a connection to open. Lettuce reconnects (and re-subscribes) on its own after.
 */
@Factory
@Requires(condition = RedisConfigured.class)
public class RedisFactory {

    /** Shown in Redis {@code CLIENT LIST}, to tell Stratum's connections from others. */
    private static final String CLIENT_NAME = "stratum";

    @Singleton
    @Bean(preDestroy = "shutdown")
    RedisClient redisClient(CoordinationMode mode) {
        RedisURI uri = mode.redisUrl()
                .orElseThrow(() -> new IllegalStateException(CoordinationMode.URL_PROPERTY + " is not set"))
                .toRedisUri();
        if (uri.getClientName() == null) {
            uri.setClientName(CLIENT_NAME);
        }
        return RedisClient.create(uri);
    }

    @Context
    @Bean(preDestroy = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }

    @Context
    @Bean(preDestroy = "close")
    StatefulRedisPubSubConnection<String, String> redisPubSubConnection(RedisClient client) {
        return client.connectPubSub();
    }

    @Singleton
    RedisKeyspace redisKeyspace(
            @Property(name = RedisKeyspace.PREFIX_PROPERTY, defaultValue = RedisKeyspace.DEFAULT_PREFIX) String prefix) {
        return new RedisKeyspace(prefix);
    }
}
