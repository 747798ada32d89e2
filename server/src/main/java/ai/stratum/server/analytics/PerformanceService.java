package ai.stratum.server.analytics;

import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;

/** Unified performance across platforms, in the tenant's currency. Every role may read it. */
@Singleton
public class PerformanceService {

    private final Database database;
    private final TenantRepository tenants;
    private final PerformanceRepository performance;

    public PerformanceService(Database database, TenantRepository tenants, PerformanceRepository performance) {
        this.database = database;
        this.tenants = tenants;
        this.performance = performance;
    }

    public Mono<List<PerformanceRow>> rows(Caller caller, PerformanceQuery query) {
        caller.require(Role.VIEWER);
        return rows(caller.tenant(), query);
    }

    /**
     * The tenant's rows, for the server's own use (forecasts, scheduled jobs) where the caller's role
     * has been checked already or there is no caller.
     */
    public Mono<List<PerformanceRow>> rows(TenantId tenant, PerformanceQuery query) {
        return database.inTenantOne(tenant, connection -> tenants.findById(connection, tenant)
                .switchIfEmpty(Mono.error(ApiException.notFound("No tenant with id " + tenant)))
                .flatMap(found -> performance.parts(connection, tenant, query, found.currency())
                        .collectList()
                        .map(parts -> PerformanceAssembler.rows(parts, query, found.currency()))));
    }
}
