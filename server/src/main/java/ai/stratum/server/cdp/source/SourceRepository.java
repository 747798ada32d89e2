package ai.stratum.server.cdp.source;

import ai.stratum.server.database.Sql;
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

/** SQL for {@code cdp_sources}. Runs on the connection of the caller's transaction. */
@Singleton
class SourceRepository {

    private static final String COLUMNS = "tenant_id, id, name, kind, created_at, revoked_at";
    private static final String GRAPHQL_SOURCE_NAME = "GraphQL API";

    Mono<Source> insert(Connection connection, TenantId tenant, String name, String lookup, byte[] secretHash, UUID createdBy) {
        return Sql.of(connection, "INSERT INTO cdp_sources (tenant_id, name, kind, write_key_lookup, write_key_hash, created_by) "
                                + "VALUES ($1, $2, 'HTTP', $3, $4, $5) RETURNING " + COLUMNS,
                        tenant.value(), name, lookup, ByteBuffer.wrap(secretHash), createdBy)
                .row(SourceRepository::map);
    }

    /** The tenant's GRAPHQL source, made on first use; concurrent first uses make one. */
    Mono<Source> graphqlSource(Connection connection, TenantId tenant) {
        return Sql.of(connection, "INSERT INTO cdp_sources (tenant_id, name, kind) VALUES ($1, $2, 'GRAPHQL') "
                                + "ON CONFLICT (tenant_id) WHERE kind = 'GRAPHQL' DO NOTHING", tenant.value(), GRAPHQL_SOURCE_NAME)
                .update()
                .then(Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_sources WHERE tenant_id = $1 AND kind = 'GRAPHQL'", tenant.value())
                        .row(SourceRepository::map));
    }

    Mono<Source> find(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_sources WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(SourceRepository::map);
    }

    Flux<Source> list(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_sources WHERE tenant_id = $1 ORDER BY created_at, id", tenant.value())
                .rows(SourceRepository::map);
    }

    /** Sets revoked_at once; a second revocation keeps the first time. */
    Mono<Source> revoke(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "UPDATE cdp_sources SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = $1 AND id = $2 "
                        + "RETURNING " + COLUMNS, tenant.value(), id)
                .row(SourceRepository::map);
    }

    /** Across tenants: only for authenticating a write key, in the system scope. Revoked sources are not found. */
    Mono<StoredKey> activeByLookup(Connection connection, String lookup) {
        return Sql.of(connection, "SELECT " + COLUMNS + ", write_key_hash FROM cdp_sources WHERE write_key_lookup = $1 AND revoked_at IS NULL",
                        lookup)
                .row(row -> new StoredKey(map(row), bytes(row.get("write_key_hash", ByteBuffer.class))));
    }

    private static Source map(Readable row) {
        return new Source(
                row.get("id", UUID.class),
                new TenantId(row.get("tenant_id", UUID.class)),
                row.get("name", String.class),
                SourceKind.valueOf(row.get("kind", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.empty());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    record StoredKey(Source source, byte[] secretHash) {
    }
}
