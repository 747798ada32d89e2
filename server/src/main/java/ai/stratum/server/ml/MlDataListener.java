package ai.stratum.server.ml;

import ai.stratum.server.ml.cache.MlCacheGeneration;
import ai.stratum.server.tenancy.TenantDataChange;
import ai.stratum.server.tenancy.TenantDataListener;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * New data for a tenant: its cached ML results computed from data go stale, and after a sync (new
 * campaign days) its campaigns are scanned for anomalies in the background.
 */
@Singleton
class MlDataListener implements TenantDataListener {

    private final MlCacheGeneration generations;
    private final AnomalyScanner scanner;

    MlDataListener(MlCacheGeneration generations, AnomalyScanner scanner) {
        this.generations = generations;
        this.scanner = scanner;
    }

    @Override
    public Mono<Void> tenantDataChanged(TenantId tenant, TenantDataChange change) {
        return generations.bumpData(tenant).doOnSuccess(done -> {
            if (change == TenantDataChange.PERFORMANCE_SYNCED) {
                scanner.scanInBackground(tenant);
            }
        });
    }
}
