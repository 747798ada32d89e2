package ai.stratum.server.pubsub;

import ai.stratum.server.redis.RedisConfigured;
import ai.stratum.server.redis.RedisKeyspace;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Pub/sub across every server instance through Redis. This instance holds one Redis
 * subscription per channel that has local subscribers, on one shared pub/sub connection, and
 * fans each message out to its local subscribers; Redis fans out between instances.
 */
@Singleton
@Requires(condition = RedisConfigured.class)
public final class RedisPubSub implements PubSub {

    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscriptions;
    private final RedisKeyspace channels;
    private final LocalSubscribers subscribers;

    public RedisPubSub(StatefulRedisConnection<String, String> commands,
                       StatefulRedisPubSubConnection<String, String> subscriptions,
                       RedisKeyspace keyspace) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.channels = keyspace.nested("channel:");
        this.subscribers = new LocalSubscribers(new RedisSubscriptions());
        subscriptions.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String redisChannel, String message) {
                channels.localName(redisChannel).ifPresent(channel -> subscribers.deliver(channel, message));
            }
        });
    }

    @Override
    public Mono<Void> publish(String channel, String message) {
        String redisChannel = channels.key(Objects.requireNonNull(channel, "channel"));
        Objects.requireNonNull(message, "message");
        // A connection in subscriber mode can't PUBLISH, hence the command connection.
        return commands.reactive().publish(redisChannel, message).then();
    }

    @Override
    public Flux<String> subscribe(String channel) {
        return subscribers.subscribe(channel);
    }

    @Override
    public int localSubscriberCount(String channel) {
        return subscribers.count(channel);
    }

    /**
     * Keeps the Redis subscriptions in step with local demand. The async API only queues the
     * command, so nothing blocks under the registry's lock, and commands leave in the order the
     * registry issued them: an UNSUBSCRIBE racing a new SUBSCRIBE on the same channel can't
     * overtake it. Lettuce re-subscribes by itself after a reconnect.
     */
    private final class RedisSubscriptions implements LocalSubscribers.ChannelWatcher {

        @Override
        public void firstSubscriber(String channel) {
            subscriptions.async().subscribe(channels.key(channel))
                    // Async so the failure handling never runs inside the registry's lock.
                    .whenCompleteAsync((ignored, error) -> {
                        if (error != null) {
                            subscribers.fail(channel, error);
                        }
                    });
        }

        @Override
        public void lastSubscriberGone(String channel) {
            // Failure here is harmless: a stray subscription only delivers to no one.
            subscriptions.async().unsubscribe(channels.key(channel));
        }
    }
}
