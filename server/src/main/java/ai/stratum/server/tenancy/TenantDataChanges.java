package ai.stratum.server.tenancy;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Announces committed new data of a tenant to every {@link TenantDataListener}. A listener that fails is
 * logged and skipped: the data is stored, and a stale derived result is the lesser harm than a sync
 * reported as failed after it succeeded.
 */
@Singleton
public class TenantDataChanges {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDataChanges.class);

    private final List<TenantDataListener> listeners;

    public TenantDataChanges(List<TenantDataListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Call after the transaction that wrote the tenant's new data has committed. */
    public Mono<Void> changed(TenantId tenant, TenantDataChange change) {
        return Flux.fromIterable(listeners)
                .concatMap(listener -> Mono.defer(() -> listener.tenantDataChanged(tenant, change))
                        .onErrorResume(e -> {
                            LOG.warn("event=tenant_data_listener_failed tenant={} change={} listener={} error={}", tenant, change,
                                    listener.getClass().getSimpleName(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }
}
