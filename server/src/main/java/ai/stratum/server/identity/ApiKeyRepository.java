package ai.stratum.server.identity;

import ai.stratum.server.database.Sql;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code api_keys}. Runs on the connection of the caller's transaction. */
@Singleton
public class ApiKeyRepository {

    private static final String COLUMNS = "tenant_id, id, name, role, created_by, created_at, last_used_at, revoked_at";

    public Mono<ApiKey> insert(Connection connection, TenantId tenant, String name, Role role, String lookup,
                               byte[] secretHash, UUID createdBy) {
        return Sql.of(connection,
                        "INSERT INTO api_keys (tenant_id, name, role, lookup, secret_hash, created_by) "
                                + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS,
                        tenant.value(), name, role.name(), lookup, ByteBuffer.wrap(secretHash), createdBy)
                .row(ApiKeyRepository::map);
    }

    /** Across tenants: only for authentication, in the system scope. Revoked keys are not found. */
    public Mono<StoredSecret> activeByLookup(Connection connection, String lookup) {
        return Sql.of(connection, "SELECT " + COLUMNS + ", secret_hash FROM api_keys WHERE lookup = $1 AND revoked_at IS NULL",
                        lookup)
                .row(row -> new StoredSecret(map(row), bytes(row.get("secret_hash", ByteBuffer.class))));
    }

    /** Records use at most once a minute, so authentication does not write on every request. */
    public Mono<Long> touch(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "UPDATE api_keys SET last_used_at = now() WHERE tenant_id = $1 AND id = $2 "
                        + "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", tenant.value(), id)
                .update();
    }

    public Mono<ApiKey> findById(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(ApiKeyRepository::map);
    }

    public Mono<Long> revoke(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL",
                tenant.value(), id).update();
    }

    public Flux<ApiKey> list(Connection connection, TenantId tenant, Optional<UUID> createdBy) {
        if (createdBy.isPresent()) {
            return Sql.of(connection, "SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = $1 AND created_by = $2 "
                    + "ORDER BY created_at, id", tenant.value(), createdBy.get()).rows(ApiKeyRepository::map);
        }
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id",
                tenant.value()).rows(ApiKeyRepository::map);
    }

    static ApiKey map(Readable row) {
        return new ApiKey(
                row.get("id", UUID.class),
                new TenantId(row.get("tenant_id", UUID.class)),
                row.get("name", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("created_by", UUID.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("last_used_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    public record StoredSecret(ApiKey key, byte[] secretHash) {
    }
}
