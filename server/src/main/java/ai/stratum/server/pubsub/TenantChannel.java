package ai.stratum.server.pubsub;

import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;

/**
 * One kind of live event, per tenant, as JSON on {@link PubSub}: how a GraphQL subscription on
 * any server instance sees a change made through another. Publishing happens after the change
 * committed; a failed publication is logged, never turned into a failed change, because the
 * change itself is stored and a live view missing one event is the lesser harm.
 */
public final class TenantChannel<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TenantChannel.class);

    private final PubSub pubSub;
    private final JsonMapper json;
    private final String name;
    private final Argument<T> type;

    public TenantChannel(PubSub pubSub, JsonMapper json, String name, Class<T> type) {
        this.pubSub = pubSub;
        this.json = json;
        this.name = name;
        this.type = Argument.of(type);
    }

    public Mono<Void> publish(TenantId tenant, T event) {
        String message;
        try {
            message = json.writeValueAsString(event);
        } catch (IOException e) {
            return Mono.error(e);
        }
        return pubSub.publish(channel(tenant), message)
                .onErrorResume(e -> {
                    LOG.warn("event=publish_failed channel={} tenant={} error={}", name, tenant, e.toString());
                    return Mono.empty();
                });
    }

    public Flux<T> subscribe(TenantId tenant) {
        return pubSub.subscribe(channel(tenant)).flatMap(message -> {
            try {
                return Mono.justOrEmpty(json.readValue(message, type));
            } catch (IOException e) {
                LOG.warn("event=decode_failed channel={} error={}", name, e.toString());
                return Mono.empty();
            }
        });
    }

    /** The channel's name for one tenant, as {@link PubSub#localSubscriberCount} knows it. */
    public String channel(TenantId tenant) {
        return name + ":" + tenant;
    }
}
