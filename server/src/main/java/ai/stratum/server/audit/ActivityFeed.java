package ai.stratum.server.audit;

import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;

/**
 * Each tenant's audited changes, live, on every server instance. Events are published only after
 * their transaction committed, so a subscriber never sees a change that was rolled back.
 */
@Singleton
public class ActivityFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityFeed.class);

    private final PubSub pubSub;
    private final JsonMapper json;

    public ActivityFeed(PubSub pubSub, JsonMapper json) {
        this.pubSub = pubSub;
        this.json = json;
    }

    /** Runs the committed change's publication, then hands on its value; a failed publication does not fail the change. */
    public <T> Mono<T> afterCommit(Mono<Audited<T>> committed) {
        return committed.flatMap(audited -> publish(ActivityEvent.of(audited.event())).thenReturn(audited.value()));
    }

    public Flux<ActivityEvent> events(TenantId tenant) {
        return pubSub.subscribe(channel(tenant)).flatMap(this::decode);
    }

    private Mono<Void> publish(ActivityEvent event) {
        try {
            return pubSub.publish(channel(new TenantId(java.util.UUID.fromString(event.tenantId()))), json.writeValueAsString(event))
                    .onErrorResume(e -> {
                        // the change is committed and audited; a live view missing one event is the lesser harm
                        LOG.warn("event=activity_publish_failed tenant={} action={} error={}", event.tenantId(), event.action(),
                                e.toString());
                        return Mono.empty();
                    });
        } catch (IOException e) {
            return Mono.error(e);
        }
    }

    private Mono<ActivityEvent> decode(String message) {
        try {
            return Mono.justOrEmpty(json.readValue(message, Argument.of(ActivityEvent.class)));
        } catch (IOException e) {
            LOG.warn("event=activity_decode_failed error={}", e.toString());
            return Mono.empty();
        }
    }

    private static String channel(TenantId tenant) {
        return "activity:" + tenant;
    }
}
