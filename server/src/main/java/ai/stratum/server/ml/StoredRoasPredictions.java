package ai.stratum.server.ml;

import ai.stratum.server.database.Database;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** The live ROAS predictions the half-hourly job stored ({@link LiveRoasPredictions}), as {@code roasPredictions} lists them. Any role. */
@Singleton
class StoredRoasPredictions {

    private final Database database;
    private final RoasPredictionRepository repository;

    StoredRoasPredictions(Database database, RoasPredictionRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    /** @return one page of the tenant's predictions, of one campaign or all, newest first */
    Mono<Page<StoredRoasPrediction>> page(Caller caller, Optional<String> campaignId, PageRequest request) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> repository.page(connection, tenant, campaignId, request.after(),
                        request.first() + 1)
                .collectList()
                .zipWith(repository.count(connection, tenant, campaignId))
                .map(rowsAndCount -> Page.of(rowsAndCount.getT1(), request,
                        stored -> new PageCursor(stored.predictedAt(), stored.id()), rowsAndCount.getT2())));
    }
}
