package ai.stratum.server.pubsub;

import ai.stratum.server.redis.RedisKeyspace;
import ai.stratum.server.redis.RedisTestRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ai.stratum.server.pubsub.RecordingSubscriber.TIMEOUT;
import static ai.stratum.server.pubsub.RecordingSubscriber.awaitSubscribed;
import static org.assertj.core.api.Assertions.assertThat;

/** What only the Redis implementation can show: several server instances sharing one Redis. */
class RedisPubSubAcrossInstancesTest {

    private static RedisTestRun redis;
    private final List<RecordingSubscriber> subscribers = new ArrayList<>();

    @BeforeAll
    static void connect() {
        redis = RedisTestRun.start();
    }

    @AfterAll
    static void cleanUp() {
        redis.close();
    }

    @AfterEach
    void cancelSubscribers() {
        subscribers.forEach(RecordingSubscriber::cancel);
    }

    @Test
    void fansOutToSubscribersOfEveryInstance() {
        PubSub serverA = newInstance(redis.keyspace());
        PubSub serverB = newInstance(redis.keyspace());
        String channel = newChannel();
        RecordingSubscriber onA = subscribe(serverA, channel);
        RecordingSubscriber onB = subscribe(serverB, channel);
        awaitSubscribed(serverA, channel, onA, onB);

        serverB.publish(channel, "from B").block(TIMEOUT);

        assertThat(onA.next()).isEqualTo("from B");
        assertThat(onB.next()).isEqualTo("from B");
    }

    @Test
    void holdsOneRedisSubscriptionPerChannelAndDropsItWithTheLastSubscriber() {
        PubSub server = newInstance(redis.keyspace());
        String channel = newChannel();
        RecordingSubscriber first = subscribe(server, channel);
        RecordingSubscriber second = subscribe(server, channel);
        awaitSubscribed(server, channel, first, second);

        assertThat(redisSubscriptions(channel)).isEqualTo(1);

        first.cancel();
        assertThat(redisSubscriptions(channel)).isEqualTo(1);
        second.cancel();
        eventuallyNoRedisSubscriptions(channel);
    }

    @Test
    void ignoresChannelsOfAnotherDeploymentWithTheSameName() {
        PubSub ours = newInstance(redis.keyspace());
        PubSub theirs = newInstance(RedisTestRun.newKeyspace());
        String channel = newChannel();
        RecordingSubscriber ourSubscriber = subscribe(ours, channel);
        RecordingSubscriber theirSubscriber = subscribe(theirs, channel);
        awaitSubscribed(ours, channel, ourSubscriber);
        awaitSubscribed(theirs, channel, theirSubscriber);

        ours.publish(channel, "ours").block(TIMEOUT);
        theirs.publish(channel, "theirs").block(TIMEOUT);

        assertThat(ourSubscriber.next()).isEqualTo("ours");
        assertThat(theirSubscriber.next()).isEqualTo("theirs");
    }

    private static PubSub newInstance(RedisKeyspace keyspace) {
        return new RedisPubSub(redis.connection(), redis.newPubSubConnection(), keyspace);
    }

    private RecordingSubscriber subscribe(PubSub pubSub, String channel) {
        RecordingSubscriber subscriber = RecordingSubscriber.subscribe(pubSub, channel);
        subscribers.add(subscriber);
        return subscriber;
    }

    /** PUBSUB NUMSUB: how many connections Redis holds subscribed to the channel. */
    private static long redisSubscriptions(String channel) {
        String redisChannel = redis.keyspace().key("channel:" + channel);
        Map<String, Long> counts = redis.sync().pubsubNumsub(redisChannel);
        return counts.getOrDefault(redisChannel, 0L);
    }

    private static void eventuallyNoRedisSubscriptions(String channel) {
        Mono.fromSupplier(() -> redisSubscriptions(channel))
                .filter(count -> count == 0)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(TIMEOUT, Mono.error(() -> new AssertionError("still subscribed after " + TIMEOUT)))
                .block();
    }

    private static String newChannel() {
        return "test:" + UUID.randomUUID();
    }
}
