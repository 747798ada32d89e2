package ai.stratum.server.autopilot;

import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.pubsub.TenantChannel;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.GateView;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Gate decisions and action status changes, live on every server instance. */
@Singleton
public class ActionEvents {

    private final TenantChannel<GateView> decisions;
    private final TenantChannel<StoredAction> statuses;

    public ActionEvents(PubSub pubSub, JsonMapper json) {
        this.decisions = new TenantChannel<>(pubSub, json, "gate-decisions", GateView.class);
        this.statuses = new TenantChannel<>(pubSub, json, "action-status", StoredAction.class);
    }

    Mono<StoredAction> statusChanged(StoredAction action) {
        return statuses.publish(new TenantId(UUID.fromString(action.tenantId())), action).thenReturn(action);
    }

    Mono<Void> decided(TenantId tenant, GateView decision) {
        return decisions.publish(tenant, decision);
    }

    public Flux<GateView> decisions(TenantId tenant) {
        return decisions.subscribe(tenant);
    }

    public Flux<StoredAction> statusChanges(TenantId tenant) {
        return statuses.subscribe(tenant);
    }
}
