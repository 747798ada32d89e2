package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.anomaly.AnomalyMethod;
import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.pubsub.TenantChannel;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Newly found anomalies of a tenant, live on every server instance. */
@Singleton
class AnomalyFeed {

    private final TenantChannel<AnomalyView> channel;

    AnomalyFeed(PubSub pubSub, JsonMapper json) {
        this.channel = new TenantChannel<>(pubSub, json, "ml-anomalies", AnomalyView.class);
    }

    Mono<Void> publish(TenantId tenant, AnomalyView anomaly) {
        return channel.publish(tenant, anomaly);
    }

    Flux<AnomalyView> detected(TenantId tenant, Optional<Platform> platform, Optional<AnomalyMethod> method) {
        return channel.subscribe(tenant)
                .filter(anomaly -> platform.isEmpty() || platform.get() == anomaly.platform())
                .filter(anomaly -> method.isEmpty() || method.get() == anomaly.method());
    }

    String channel(TenantId tenant) {
        return channel.channel(tenant);
    }
}
