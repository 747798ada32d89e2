package ai.stratum.server.audit;

import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.pubsub.TenantChannel;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Each tenant's audited changes, live, on every server instance. Events are published only after
 * their transaction committed, so a subscriber never sees a change that was rolled back.
 */
@Singleton
public class ActivityFeed {

    private final TenantChannel<ActivityEvent> channel;

    public ActivityFeed(PubSub pubSub, JsonMapper json) {
        this.channel = new TenantChannel<>(pubSub, json, "activity", ActivityEvent.class);
    }

    /** Publishes the committed change's event, then hands on its value. */
    public <T> Mono<T> afterCommit(Mono<Audited<T>> committed) {
        return committed.flatMap(audited -> {
            ActivityEvent event = ActivityEvent.of(audited.event());
            return channel.publish(new TenantId(UUID.fromString(event.tenantId())), event).thenReturn(audited.value());
        });
    }

    public Flux<ActivityEvent> events(TenantId tenant) {
        return channel.subscribe(tenant);
    }
}
