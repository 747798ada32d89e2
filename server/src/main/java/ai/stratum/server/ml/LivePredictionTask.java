package ai.stratum.server.ml;

import ai.stratum.server.tenancy.TenantId;
import reactor.core.publisher.Mono;

/**
 * Work the half-hourly ML run does for each tenant besides its anomaly scan: the learned models' live
 * predictions (seed 001's {@code run_all_tenant_predictions}), contributed as beans by the packages that
 * own those models. Each task of each tenant is one item of the batch: a failure is logged and counted,
 * and the others run.
 */
public interface LivePredictionTask {

    /** @return the task's name in logs and metrics, e.g. {@code roas-predictions} */
    String name();

    /** Runs the task for one tenant. */
    Mono<Void> run(TenantId tenant);
}
