package ai.stratum.server.database;

import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Every unit of database work runs in one transaction, as the {@code stratum_app} role, scoped
 * either to one tenant or, for the few operations that must cross tenants, to the system. The
 * scope is what row-level security checks, so code that forgets a {@code WHERE tenant_id} still
 * cannot see another tenant's rows.
 */
@Singleton
public class Database {

    private static final String SCOPE_SQL =
            "SELECT set_config('role', 'stratum_app', true), set_config('stratum.tenant_id', $1, true), "
                    + "set_config('stratum.system', $2, true)";

    private final ConnectionFactory connections;

    public Database(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Runs {@code work} in a transaction that sees only {@code tenant}'s rows. */
    public <T> Flux<T> inTenant(TenantId tenant, Function<Connection, ? extends Publisher<T>> work) {
        return inTransaction(tenant.toString(), false, work);
    }

    public <T> Mono<T> inTenantOne(TenantId tenant, Function<Connection, ? extends Publisher<T>> work) {
        return inTenant(tenant, work).singleOrEmpty();
    }

    /** Runs {@code work} in a transaction that may read and write any tenant's rows. Use sparingly. */
    public <T> Flux<T> asSystem(Function<Connection, ? extends Publisher<T>> work) {
        return inTransaction("", true, work);
    }

    public <T> Mono<T> asSystemOne(Function<Connection, ? extends Publisher<T>> work) {
        return asSystem(work).singleOrEmpty();
    }

    private <T> Flux<T> inTransaction(String tenant, boolean system,
                                      Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                connections.create(),
                connection -> Mono.from(connection.beginTransaction())
                        .then(scope(connection, tenant, system))
                        .thenMany(Flux.defer(() -> work.apply(connection))),
                connection -> Mono.from(connection.commitTransaction()).then(Mono.from(connection.close())),
                (connection, error) -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackError -> Mono.empty())
                        .then(Mono.from(connection.close())),
                connection -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackError -> Mono.empty())
                        .then(Mono.from(connection.close())));
    }

    private static Mono<Void> scope(Connection connection, String tenant, boolean system) {
        return Flux.from(connection.createStatement(SCOPE_SQL)
                        .bind("$1", tenant)
                        .bind("$2", system ? "on" : "off")
                        .execute())
                .flatMap(result -> result.getRowsUpdated())
                .then();
    }
}
