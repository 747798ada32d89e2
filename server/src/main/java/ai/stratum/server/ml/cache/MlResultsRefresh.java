package ai.stratum.server.ml.cache;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.ml.inference.ModelType;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Seed 001's third reason to invalidate cached ML results, besides new data and retraining: the user asks
 * for fresh ones (a dashboard's refresh). Every cached result of the caller's tenant — predictions,
 * simulations, forecasts, fatigue scores — becomes stale at once, by moving its data and model
 * generations on ({@link MlCacheGeneration}); the next request of each computes it again. Any role may
 * ask, as any role may read the results; each request is audited.
 */
@Singleton
public class MlResultsRefresh {

    private final MlCacheGeneration generations;
    private final Database database;
    private final AuditLog audit;

    public MlResultsRefresh(MlCacheGeneration generations, Database database, AuditLog audit) {
        this.generations = generations;
        this.database = database;
        this.audit = audit;
    }

    /** @return true once every generation of the tenant moved on */
    public Mono<Boolean> refresh(Caller caller, String requestId) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return generations.bumpData(tenant)
                .thenMany(Flux.fromArray(ModelType.values()).concatMap(model -> generations.bump(tenant, model)))
                .then(database.inTenantOne(tenant, connection -> audit.record(connection, caller, requestId,
                        new AuditEvent("ml.results_refreshed", "tenant", tenant.toString(), Map.of()))))
                .thenReturn(true);
    }
}
