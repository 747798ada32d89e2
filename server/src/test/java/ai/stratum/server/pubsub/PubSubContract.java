package ai.stratum.server.pubsub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static ai.stratum.server.pubsub.RecordingSubscriber.TIMEOUT;
import static ai.stratum.server.pubsub.RecordingSubscriber.awaitSubscribed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PubSub} does, whichever backend carries the messages. A subclass supplies
 * the implementation; every assertion here must hold for each of them.
 */
public abstract class PubSubContract {

    private final List<RecordingSubscriber> subscribers = new ArrayList<>();
    private PubSub pubSub;

    /** A pub/sub for one test; tests use fresh random channels, so it may share state with others. */
    protected abstract PubSub newPubSub();

    @BeforeEach
    void createPubSub() {
        pubSub = newPubSub();
    }

    @AfterEach
    void cancelSubscribers() {
        subscribers.forEach(RecordingSubscriber::cancel);
    }

    @Test
    void deliversEveryMessageToEverySubscriberInOrder() {
        String channel = newChannel();
        RecordingSubscriber first = subscribe(channel);
        RecordingSubscriber second = subscribe(channel);
        awaitSubscribed(pubSub, channel, first, second);

        publish(channel, "one");
        publish(channel, "two");
        publish(channel, "three");

        assertThat(List.of(first.next(), first.next(), first.next())).containsExactly("one", "two", "three");
        assertThat(List.of(second.next(), second.next(), second.next())).containsExactly("one", "two", "three");
    }

    @Test
    void keepsChannelsApart() {
        String campaigns = newChannel();
        String audiences = newChannel();
        RecordingSubscriber onCampaigns = subscribe(campaigns);
        RecordingSubscriber onAudiences = subscribe(audiences);
        awaitSubscribed(pubSub, campaigns, onCampaigns);
        awaitSubscribed(pubSub, audiences, onAudiences);

        publish(audiences, "for audiences");
        publish(campaigns, "for campaigns");

        // Published second: had the first leaked across, it would have arrived before this.
        assertThat(onCampaigns.next()).isEqualTo("for campaigns");
        assertThat(onAudiences.next()).isEqualTo("for audiences");
        assertThat(onCampaigns.pending()).isEmpty();
    }

    @Test
    void deliversAnyStringUnchanged() {
        String channel = newChannel();
        RecordingSubscriber subscriber = subscribe(channel);
        awaitSubscribed(pubSub, channel, subscriber);
        String message = "{\"tenant\":\"ü 東京 🚀\",\n\"note\":\"tab\\t\"}\u0000";

        publish(channel, message);

        assertThat(subscriber.next()).isEqualTo(message);
    }

    @Test
    void cancelledSubscriberIsRemovedWhileOthersKeepReceiving() {
        String channel = newChannel();
        RecordingSubscriber leaving = subscribe(channel);
        RecordingSubscriber staying = subscribe(channel);
        awaitSubscribed(pubSub, channel, leaving, staying);
        assertThat(pubSub.localSubscriberCount(channel)).isEqualTo(2);

        leaving.cancel();

        assertThat(pubSub.localSubscriberCount(channel)).isEqualTo(1);
        publish(channel, "after cancel");
        assertThat(staying.next()).isEqualTo("after cancel");
        assertThat(leaving.pending()).isEmpty();
    }

    @Test
    void channelWithoutSubscribersIsForgotten() {
        String channel = newChannel();
        RecordingSubscriber subscriber = subscribe(channel);
        awaitSubscribed(pubSub, channel, subscriber);

        subscriber.cancel();

        assertThat(pubSub.localSubscriberCount(channel)).isZero();
    }

    @Test
    void publishingWithNobodyListeningSucceedsAndIsNotReplayed() {
        String channel = newChannel();

        publish(channel, "into the void");
        RecordingSubscriber late = subscribe(channel);
        awaitSubscribed(pubSub, channel, late);
        publish(channel, "heard");

        assertThat(late.next()).isEqualTo("heard");
    }

    @Test
    void resubscribingAfterEveryoneLeftReceivesAgain() {
        String channel = newChannel();
        RecordingSubscriber first = subscribe(channel);
        awaitSubscribed(pubSub, channel, first);
        first.cancel();

        RecordingSubscriber again = subscribe(channel);
        awaitSubscribed(pubSub, channel, again);
        publish(channel, "welcome back");

        assertThat(again.next()).isEqualTo("welcome back");
    }

    private RecordingSubscriber subscribe(String channel) {
        RecordingSubscriber subscriber = RecordingSubscriber.subscribe(pubSub, channel);
        subscribers.add(subscriber);
        return subscriber;
    }

    private void publish(String channel, String message) {
        pubSub.publish(channel, message).block(TIMEOUT);
    }

    private static String newChannel() {
        return "test:" + UUID.randomUUID();
    }
}
