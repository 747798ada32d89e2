package ai.stratum.server.signals;

import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

/**
 * The tenant's own CDP identity-quality score (0-100), when its customer data platform has data:
 * the trust engine's CDP component for every account of the tenant, in place of a score sent with
 * {@code ingestSignals}. Empty when there is none, so the component stays absent and its weight is
 * redistributed.
 */
public interface TenantCdpScore {

    /** Inside the caller's transaction; empties when the tenant has no CDP score. */
    Mono<Double> score(Connection connection, TenantId tenant);
}
