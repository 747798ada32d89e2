package ai.stratum.server.tenancy;

import reactor.core.publisher.Mono;

/**
 * Told when new data for a tenant has been committed: a connector sync wrote its performance rows, or
 * signals were ingested. What was derived from the tenant's data (cached predictions, anomaly scans)
 * is out of date. Implementations are beans; {@link TenantDataChanges} calls every one of them.
 */
public interface TenantDataListener {

    /**
     * @param tenant whose data changed
     * @param change what came in
     * @return completes when the listener has done what must happen before the write is reported done
     *         (invalidating caches); longer work should be started and not awaited
     */
    Mono<Void> tenantDataChanged(TenantId tenant, TenantDataChange change);
}
