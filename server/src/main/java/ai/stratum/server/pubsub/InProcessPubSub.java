package ai.stratum.server.pubsub;

import ai.stratum.server.redis.RedisNotConfigured;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/** Pub/sub within a single server: a publish reaches the subscribers of this process directly. */
@Singleton
@Requires(condition = RedisNotConfigured.class)
public final class InProcessPubSub implements PubSub {

    private final LocalSubscribers subscribers = new LocalSubscribers(LocalSubscribers.ChannelWatcher.NONE);

    @Override
    public Mono<Void> publish(String channel, String message) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
        return Mono.fromRunnable(() -> subscribers.deliver(channel, message));
    }

    @Override
    public Flux<String> subscribe(String channel) {
        return subscribers.subscribe(channel);
    }

    @Override
    public int localSubscriberCount(String channel) {
        return subscribers.count(channel);
    }
}
