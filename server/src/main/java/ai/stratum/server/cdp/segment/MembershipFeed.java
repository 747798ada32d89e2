package ai.stratum.server.cdp.segment;

import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.pubsub.TenantChannel;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.UUID;

/** Entries into and exits from a tenant's segments, live on every server instance. */
@Singleton
class MembershipFeed {

    private final TenantChannel<MembershipChange> channel;

    MembershipFeed(PubSub pubSub, JsonMapper json) {
        this.channel = new TenantChannel<>(pubSub, json, "cdp-segment-membership", MembershipChange.class);
    }

    Mono<Void> publish(TenantId tenant, MembershipChange change) {
        return channel.publish(tenant, change);
    }

    Flux<MembershipChange> changes(TenantId tenant, Optional<UUID> segment) {
        return channel.subscribe(tenant).filter(change -> segment.isEmpty() || segment.get().equals(change.segmentId()));
    }

    String channel(TenantId tenant) {
        return channel.channel(tenant);
    }
}
