package ai.stratum.server.pubsub;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fire-and-forget messages on named channels, delivered to every current subscriber in every
 * server instance: how a change made through one instance reaches the GraphQL subscriptions
 * held open by the others. Channels are namespaced by the caller
 * ({@code "campaign-health:" + tenantId}).
 *
 * <p>Delivery is at most once, like Redis pub/sub: a message published while nobody listens is
 * gone, and a subscription only receives what is published after it has taken effect — which,
 * across instances, is shortly after {@link #subscribe} is subscribed to, not at that instant.
 * Messages from one publisher on one channel arrive in the order they were published.
 */
public interface PubSub {

    /** Sends {@code message} to the subscribers of {@code channel}; completes once it is handed on. */
    Mono<Void> publish(String channel, String message);

    /**
     * The messages published on {@code channel} from now on, until the subscriber cancels
     * (which removes it) or the server shuts down. Never completes on its own. A subscriber that
     * falls far behind fails with an overflow error rather than growing memory without bound.
     * Messages may be delivered on an I/O thread: don't block in the subscriber.
     */
    Flux<String> subscribe(String channel);

    /** How many subscribers this server instance holds on {@code channel}; for metrics and tests. */
    int localSubscriberCount(String channel);
}
