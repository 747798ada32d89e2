package ai.stratum.server.tenancy;

import ai.stratum.server.database.Sql;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** SQL for {@code tenants}. Runs on the connection of the caller's transaction. */
@Singleton
public class TenantRepository {

    private static final String COLUMNS = "id, name, currency, timezone, created_at";

    public Mono<Tenant> insert(Connection connection, String name, String currency, String timezone) {
        return Sql.of(connection, "INSERT INTO tenants (name, currency, timezone) VALUES ($1, $2, $3) RETURNING " + COLUMNS,
                        name, currency, timezone)
                .row(TenantRepository::map);
    }

    public Mono<Tenant> findById(Connection connection, TenantId id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM tenants WHERE id = $1", id.value())
                .row(TenantRepository::map);
    }

    public Mono<Boolean> nameTaken(Connection connection, String name) {
        return Sql.of(connection, "SELECT 1 FROM tenants WHERE lower(name) = lower($1)", name)
                .row(row -> true)
                .defaultIfEmpty(false);
    }

    public Mono<Tenant> findByName(Connection connection, String name) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM tenants WHERE lower(name) = lower($1)", name)
                .row(TenantRepository::map);
    }

    public Flux<Tenant> all(Connection connection) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM tenants ORDER BY created_at, id").rows(TenantRepository::map);
    }

    public Mono<Tenant> oldest(Connection connection) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM tenants ORDER BY created_at, id LIMIT 1")
                .row(TenantRepository::map);
    }

    static Tenant map(Readable row) {
        return new Tenant(
                new TenantId(row.get("id", UUID.class)),
                row.get("name", String.class),
                row.get("currency", String.class),
                row.get("timezone", String.class),
                instant(row, "created_at"));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
