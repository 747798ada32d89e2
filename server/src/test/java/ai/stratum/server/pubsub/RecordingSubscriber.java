package ai.stratum.server.pubsub;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.fail;

/**
 * A subscriber that records what it receives, for tests. Readiness probes (see
 * {@link #awaitSubscribed}) are noted but not recorded, so a test sees only its own messages.
 */
final class RecordingSubscriber {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PROBE = "\u0000readiness-probe";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicBoolean probed = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Disposable subscription;

    private RecordingSubscriber(PubSub pubSub, String channel) {
        subscription = pubSub.subscribe(channel).subscribe(
                message -> {
                    if (PROBE.equals(message)) {
                        probed.set(true);
                    } else {
                        received.add(message);
                    }
                },
                failure::set);
    }

    static RecordingSubscriber subscribe(PubSub pubSub, String channel) {
        return new RecordingSubscriber(pubSub, channel);
    }

    /**
     * Publishes probes on {@code channel} until every subscriber has heard one. Across server
     * instances a subscription takes effect shortly after it is made (Redis confirms it
     * asynchronously), so this is how a test — like a real client — knows it is listening.
     */
    static void awaitSubscribed(PubSub publisher, String channel, RecordingSubscriber... subscribers) {
        Mono.defer(() -> publisher.publish(channel, PROBE))
                .then(Mono.fromSupplier(() -> allProbed(subscribers)))
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(TIMEOUT, Mono.error(() -> new AssertionError("not subscribed within " + TIMEOUT)))
                .block();
    }

    private static boolean allProbed(RecordingSubscriber... subscribers) {
        for (RecordingSubscriber subscriber : subscribers) {
            if (!subscriber.probed.get()) {
                return false;
            }
        }
        return true;
    }

    /** The next message, waiting for it up to {@link #TIMEOUT}. */
    String next() {
        try {
            String message = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                fail("no message within %s%s", TIMEOUT, failure.get() == null ? "" : "; failed: " + failure.get());
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What has arrived and not yet been taken by {@link #next()}. */
    List<String> pending() {
        return new ArrayList<>(received);
    }

    void cancel() {
        subscription.dispose();
    }
}
