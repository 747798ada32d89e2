package ai.stratum.server.cdp.identity;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * Serializes changes to one tenant's identity graph across every server instance: a PostgreSQL
 * advisory lock held until the transaction ends. Resolution reads a part of the graph, decides in
 * memory and writes its decision; under the lock no other batch of the tenant can change that part
 * in between, so two requests carrying the same new identifiers create one profile, and a merge
 * never races a limit check. Tenants do not wait for each other (two tenants hashing alike merely
 * share a lock). The cost is that one tenant's batches are resolved one at a time, each in a
 * handful of set-based statements.
 */
@Singleton
public class IdentityLock {

    /** The advisory lock namespace of CDP identity resolution ("CDP1"), so other features' locks never collide with it. */
    static final int NAMESPACE = 0x43445031;

    public Mono<Void> acquire(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT pg_advisory_xact_lock($1, hashtext($2)) IS NULL AS acquired", NAMESPACE, tenant.toString())
                .rows(row -> Boolean.TRUE)
                .then();
    }
}
