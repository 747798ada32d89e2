package ai.stratum.server.ml;

import ai.stratum.server.ml.cache.MlCacheGeneration;
import ai.stratum.server.tenancy.TenantDataListener;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/** New data for a tenant: its cached ML results computed from data go stale. */
@Singleton
class MlDataListener implements TenantDataListener {

    private final MlCacheGeneration generations;

    MlDataListener(MlCacheGeneration generations) {
        this.generations = generations;
    }

    @Override
    public Mono<Void> tenantDataChanged(TenantId tenant) {
        return generations.bumpData(tenant);
    }
}
