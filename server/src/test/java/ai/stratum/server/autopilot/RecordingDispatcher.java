package ai.stratum.server.autopilot;

import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The platform boundary for trust engine tests: records what would be sent and answers like a platform that accepted it. */
@Singleton
@Replaces(PluginActionDispatcher.class)
@Requires(property = "stratum.test.recording-dispatcher", value = "true")
class RecordingDispatcher implements ActionDispatcher {

    final List<StoredAction> dispatched = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Outcome> dispatch(TenantId tenant, StoredAction action) {
        dispatched.add(action);
        return Mono.just(new Outcome.Done(Map.of("success", true, "entityId", action.entityId())));
    }

    long count(String actionId) {
        return dispatched.stream().filter(action -> action.id().equals(actionId)).count();
    }
}
