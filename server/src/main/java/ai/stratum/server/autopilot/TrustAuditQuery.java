package ai.stratum.server.autopilot;

import ai.stratum.server.database.Database;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/** Reads the trust gate audit log, newest first. DATA_ANALYST and up: it shows every decision and who made it. */
@Singleton
class TrustAuditQuery {

    private final Database database;
    private final TrustAuditLog log;

    TrustAuditQuery(Database database, TrustAuditLog log) {
        this.database = database;
        this.log = log;
    }

    Mono<Page<TrustAuditEntry>> page(Caller caller, TrustAuditLog.Filter filter, PageRequest request) {
        caller.require(Role.DATA_ANALYST);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> log.page(connection, tenant, filter, request.after(), request.first() + 1)
                .collectList()
                .zipWith(log.count(connection, tenant, filter))
                .map(rows -> Page.of(rows.getT1(), request, entry -> new PageCursor(entry.createdAt(), entry.id()), rows.getT2())));
    }
}
