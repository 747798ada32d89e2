package ai.stratum.server.ml.cache;

import ai.stratum.server.ml.inference.ModelType;
import ai.stratum.server.tenancy.TenantId;
import reactor.core.publisher.Mono;

/**
 * Invalidates a tenant's cached ML results without finding and deleting them: every cached result's key
 * carries the generations it depends on, and a bump moves a generation on, so later look-ups miss and
 * the old entries simply expire. Cheap (one cache write) and the same across server instances.
 *
 * <ul>
 *   <li>{@link #bumpData} after new performance data or signals arrive for the tenant (a sync, an
 *   ingest): every result computed from the tenant's data is stale.</li>
 *   <li>{@link #bump(TenantId, ModelType)} after a model of the tenant is retrained or its active
 *   version changes: every prediction of that model type is stale. The model registry calls it; a
 *   change of the default model bumps every tenant that uses it.</li>
 * </ul>
 */
public interface MlCacheGeneration {

    /** Marks every cached result computed from the tenant's data as stale. */
    Mono<Void> bumpData(TenantId tenant);

    /** Marks every cached prediction of the tenant's {@code model} as stale. */
    Mono<Void> bump(TenantId tenant, ModelType model);

    /** @return the tenant's data generation, as cache keys carry it */
    Mono<String> data(TenantId tenant);

    /** @return the tenant's generation of {@code model}, as cache keys carry it */
    Mono<String> of(TenantId tenant, ModelType model);
}
