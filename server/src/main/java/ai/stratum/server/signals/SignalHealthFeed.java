package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.pubsub.TenantChannel;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Account health changes of a tenant, live on every server instance. */
@Singleton
class SignalHealthFeed {

    private final TenantChannel<SignalHealthView> channel;

    SignalHealthFeed(PubSub pubSub, JsonMapper json) {
        this.channel = new TenantChannel<>(pubSub, json, "signal-health", SignalHealthView.class);
    }

    Mono<Void> publish(TenantId tenant, SignalHealthView health) {
        return channel.publish(tenant, health);
    }

    Flux<SignalHealthView> updates(TenantId tenant, Optional<Platform> platform) {
        return channel.subscribe(tenant).filter(health -> platform.isEmpty() || platform.get() == health.platform());
    }
}
