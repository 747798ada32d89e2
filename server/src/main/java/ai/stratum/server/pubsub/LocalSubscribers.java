package ai.stratum.server.pubsub;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscribers this server instance holds, by channel, and the fan-out of a message to them.
 * Both {@link PubSub} implementations deliver through it; the Redis one also learns from it when
 * a channel gains its first subscriber or loses its last, to (un)subscribe once per channel.
 */
final class LocalSubscribers {

    /**
     * Messages a subscriber may fall behind by before it is failed. Generous for a browser
     * tab's subscription, and small enough that a stuck one cannot exhaust the heap.
     */
    static final int MAX_PENDING_PER_SUBSCRIBER = 1024;

    /** Told when a channel's local audience appears or vanishes, while the registry is locked. */
    interface ChannelWatcher {

        ChannelWatcher NONE = new ChannelWatcher() {
        };

        /** Must not block or call back into the registry: it runs under the registry's lock. */
        default void firstSubscriber(String channel) {
        }

        /** Must not block or call back into the registry: it runs under the registry's lock. */
        default void lastSubscriberGone(String channel) {
        }
    }

    private final Map<String, Set<FluxSink<String>>> byChannel = new HashMap<>();
    private final ChannelWatcher watcher;

    LocalSubscribers(ChannelWatcher watcher) {
        this.watcher = watcher;
    }

    Flux<String> subscribe(String channel) {
        Objects.requireNonNull(channel, "channel");
        return Flux.<String>create(sink -> {
                    add(channel, sink);
                    // Runs on cancel, error and completion alike: a subscriber never outlives its Flux.
                    sink.onDispose(() -> remove(channel, sink));
                })
                .onBackpressureBuffer(MAX_PENDING_PER_SUBSCRIBER);
    }

    void deliver(String channel, String message) {
        // FluxSink.next is safe from any thread; a snapshot keeps emission outside the lock.
        for (FluxSink<String> sink : snapshot(channel)) {
            sink.next(message);
        }
    }

    /** Ends every subscription on {@code channel} with {@code error}, e.g. when Redis refused it. */
    void fail(String channel, Throwable error) {
        for (FluxSink<String> sink : snapshot(channel)) {
            sink.error(error);
        }
    }

    synchronized int count(String channel) {
        Set<FluxSink<String>> sinks = byChannel.get(channel);
        return sinks == null ? 0 : sinks.size();
    }

    // One lock for membership changes and the watcher calls, so that the "first" and "last"
    // notifications of a channel reach the watcher in the order they happened.
    private synchronized void add(String channel, FluxSink<String> sink) {
        Set<FluxSink<String>> sinks = byChannel.get(channel);
        if (sinks == null) {
            sinks = ConcurrentHashMap.newKeySet();
            byChannel.put(channel, sinks);
            watcher.firstSubscriber(channel);
        }
        sinks.add(sink);
    }

    private synchronized void remove(String channel, FluxSink<String> sink) {
        Set<FluxSink<String>> sinks = byChannel.get(channel);
        if (sinks != null && sinks.remove(sink) && sinks.isEmpty()) {
            byChannel.remove(channel);
            watcher.lastSubscriberGone(channel);
        }
    }

    private synchronized List<FluxSink<String>> snapshot(String channel) {
        Set<FluxSink<String>> sinks = byChannel.get(channel);
        return sinks == null ? List.of() : List.copyOf(sinks);
    }
}
