package ai.stratum.server.autopilot;

import ai.stratum.server.tenancy.TenantId;
import reactor.core.publisher.Mono;

/**
 * Carries an action out on its platform. Called only for an action this process has claimed
 * (status EXECUTING) after the gate and the execution-time health check let it through.
 */
public interface ActionDispatcher {

    Mono<Outcome> dispatch(TenantId tenant, StoredAction action);

    /** What the platform said: its raw responses, or why it did not happen. */
    sealed interface Outcome {
        record Done(Object platformResponse) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }
}
