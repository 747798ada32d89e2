package ai.stratum.server.identity;

import ai.stratum.server.database.Sql;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code users}. Runs on the connection of the caller's transaction. */
@Singleton
public class UserRepository {

    private static final String COLUMNS = "tenant_id, id, email, role, created_at";

    public Mono<User> insert(Connection connection, TenantId tenant, String email, String passwordHash, Role role,
                             Optional<UUID> createdBy) {
        return Sql.of(connection,
                        "INSERT INTO users (tenant_id, email, password_hash, role, created_by) VALUES ($1, $2, $3, $4, $5) "
                                + "RETURNING " + COLUMNS,
                        tenant.value(), email, passwordHash, role.name(), Sql.nullable(createdBy.orElse(null), UUID.class))
                .row(UserRepository::map);
    }

    public Mono<Boolean> emailTaken(Connection connection, String email) {
        return Sql.of(connection, "SELECT 1 FROM users WHERE lower(email) = lower($1)", email)
                .row(row -> true)
                .defaultIfEmpty(false);
    }

    /** Across tenants: only for login, in the system scope. */
    public Mono<Credentials> credentialsByEmail(Connection connection, String email) {
        return Sql.of(connection, "SELECT " + COLUMNS + ", password_hash FROM users WHERE lower(email) = lower($1)", email)
                .row(row -> new Credentials(map(row), row.get("password_hash", String.class)));
    }

    public Mono<User> findById(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM users WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(UserRepository::map);
    }

    public Mono<Boolean> anyWithRole(Connection connection, Role role) {
        return Sql.of(connection, "SELECT 1 FROM users WHERE role = $1 LIMIT 1", role.name())
                .row(row -> true)
                .defaultIfEmpty(false);
    }

    /** One page in creation order, after the cursor; asks for one row more than the page to know if another follows. */
    public Flux<User> page(Connection connection, TenantId tenant, Optional<PageCursor> after, int limit) {
        if (after.isEmpty()) {
            return Sql.of(connection, "SELECT " + COLUMNS + " FROM users WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2",
                    tenant.value(), limit).rows(UserRepository::map);
        }
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM users WHERE tenant_id = $1 AND (created_at, id) > ($2, $3) "
                                + "ORDER BY created_at, id LIMIT $4",
                        tenant.value(), after.get().at().atOffset(ZoneOffset.UTC), after.get().id(), limit)
                .rows(UserRepository::map);
    }

    public Mono<Long> count(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT count(*) AS n FROM users WHERE tenant_id = $1", tenant.value())
                .row(row -> row.get("n", Long.class));
    }

    static User map(Readable row) {
        return new User(
                row.get("id", UUID.class),
                new TenantId(row.get("tenant_id", UUID.class)),
                row.get("email", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    public record Credentials(User user, String passwordHash) {
    }
}
