package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** SQL for {@code connections}. Runs on the connection of the caller's transaction. */
@Singleton
class ConnectionRepository {

    private static final String COLUMNS = "id, tenant_id, platform, account_id, display_name, status, last_sync_at, "
            + "last_sync_status, last_error, created_at, updated_at";

    /** Inserts a new connection; empty when the tenant already has one for the account. */
    Mono<AccountConnection> insert(Connection connection, TenantId tenant, UUID id, Platform platform, String accountId,
                                   String displayName, SealedCredentials sealed, UUID createdBy) {
        return Sql.of(connection,
                        "INSERT INTO connections (tenant_id, id, platform, account_id, display_name, status, credentials, "
                                + "credentials_nonce, credentials_key_id, created_by) VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7, $8, $9) "
                                + "ON CONFLICT (tenant_id, platform, account_id) DO NOTHING RETURNING " + COLUMNS,
                        tenant.value(), id, platform.name(), accountId, displayName, ByteBuffer.wrap(sealed.ciphertext()),
                        ByteBuffer.wrap(sealed.nonce()), sealed.keyId(), createdBy)
                .row(ConnectionRepository::map);
    }

    /** The id of the tenant's connection of an account, locked until the transaction ends. */
    Mono<UUID> lockByAccount(Connection connection, TenantId tenant, Platform platform, String accountId) {
        return Sql.of(connection, "SELECT id FROM connections WHERE tenant_id = $1 AND platform = $2 AND account_id = $3 FOR UPDATE",
                        tenant.value(), platform.name(), accountId)
                .row(row -> row.get("id", UUID.class));
    }

    /** Locks a connection until the transaction ends; empty when it no longer exists. */
    Mono<UUID> lock(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT id FROM connections WHERE tenant_id = $1 AND id = $2 FOR UPDATE", tenant.value(), id)
                .row(row -> row.get("id", UUID.class));
    }

    /**
     * New credentials for an existing connection, as on reconnecting: ACTIVE again, the last error
     * cleared; a null display name keeps the current one.
     */
    Mono<AccountConnection> reconnect(Connection connection, TenantId tenant, UUID id, String displayName, SealedCredentials sealed) {
        return Sql.of(connection,
                        "UPDATE connections SET credentials = $3, credentials_nonce = $4, credentials_key_id = $5, display_name = COALESCE($6, display_name), "
                                + "status = 'ACTIVE', last_error = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2 "
                                + "RETURNING " + COLUMNS,
                        tenant.value(), id, ByteBuffer.wrap(sealed.ciphertext()), ByteBuffer.wrap(sealed.nonce()), sealed.keyId(),
                        Sql.nullable(displayName, String.class))
                .row(ConnectionRepository::map);
    }

    /** New credentials after a token refresh; the status is left alone. */
    Mono<Long> replaceCredentials(Connection connection, TenantId tenant, UUID id, SealedCredentials sealed) {
        return Sql.of(connection,
                        "UPDATE connections SET credentials = $3, credentials_nonce = $4, credentials_key_id = $5, updated_at = now() "
                                + "WHERE tenant_id = $1 AND id = $2",
                        tenant.value(), id, ByteBuffer.wrap(sealed.ciphertext()), ByteBuffer.wrap(sealed.nonce()), sealed.keyId())
                .update();
    }

    Mono<SealedCredentials> sealed(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT credentials, credentials_nonce, credentials_key_id FROM connections "
                        + "WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(row -> new SealedCredentials(bytes(row.get("credentials", ByteBuffer.class)),
                        bytes(row.get("credentials_nonce", ByteBuffer.class)), row.get("credentials_key_id", String.class)));
    }

    Mono<AccountConnection> find(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM connections WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(ConnectionRepository::map);
    }

    Mono<AccountConnection> findByAccount(Connection connection, TenantId tenant, Platform platform, String accountId) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM connections WHERE tenant_id = $1 AND platform = $2 AND account_id = $3",
                        tenant.value(), platform.name(), accountId)
                .row(ConnectionRepository::map);
    }

    Flux<AccountConnection> all(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM connections WHERE tenant_id = $1 ORDER BY platform, account_id, id",
                        tenant.value())
                .rows(ConnectionRepository::map);
    }

    /** Every tenant's connections the schedule syncs: not waiting for a person (NEEDS_REAUTH) and not PAUSED. System scope. */
    Flux<AccountConnection> schedulable(Connection connection) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM connections WHERE status IN ('ACTIVE', 'ERROR') "
                        + "ORDER BY tenant_id, platform, account_id, id")
                .rows(ConnectionRepository::map);
    }

    Mono<Long> delete(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "DELETE FROM connections WHERE tenant_id = $1 AND id = $2", tenant.value(), id).update();
    }

    /** Sets the status and the error a person should read; a null error clears it. */
    Mono<AccountConnection> setStatus(Connection connection, TenantId tenant, UUID id, ConnectionStatus status, String error) {
        return Sql.of(connection, "UPDATE connections SET status = $3, last_error = $4, updated_at = now() "
                                + "WHERE tenant_id = $1 AND id = $2 RETURNING " + COLUMNS,
                        tenant.value(), id, status.name(), Sql.nullable(error, String.class))
                .row(ConnectionRepository::map);
    }

    /** Moves between two statuses only from the expected one; empty when the connection was in another. */
    Mono<AccountConnection> transition(Connection connection, TenantId tenant, UUID id, ConnectionStatus from, ConnectionStatus to) {
        return Sql.of(connection, "UPDATE connections SET status = $4, updated_at = now() "
                                + "WHERE tenant_id = $1 AND id = $2 AND status = $3 RETURNING " + COLUMNS,
                        tenant.value(), id, from.name(), to.name())
                .row(ConnectionRepository::map);
    }

    /** The zone the account keeps its days in, as its plugin last reported it; empty when it never did. */
    Mono<String> timeZone(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT time_zone FROM connections WHERE tenant_id = $1 AND id = $2 AND time_zone IS NOT NULL",
                tenant.value(), id).row(row -> row.get("time_zone", String.class));
    }

    Mono<Long> setTimeZone(Connection connection, TenantId tenant, UUID id, ZoneId zone) {
        return Sql.of(connection, "UPDATE connections SET time_zone = $3 WHERE tenant_id = $1 AND id = $2 "
                + "AND time_zone IS DISTINCT FROM $3", tenant.value(), id, zone.getId()).update();
    }

    Mono<Long> syncStarted(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "UPDATE connections SET last_sync_status = 'RUNNING' WHERE tenant_id = $1 AND id = $2",
                tenant.value(), id).update();
    }

    /**
     * Records a finished sync. A success clears the last error and brings an ERROR connection back
     * to ACTIVE (its credentials opened again); a failure leaves the status as the failure set it.
     */
    Mono<Long> syncFinished(Connection connection, TenantId tenant, UUID id, SyncStatus outcome, String error, Instant at) {
        return Sql.of(connection, "UPDATE connections SET last_sync_status = $3, last_error = $4, last_sync_at = $5, "
                                + "status = CASE WHEN $3 = 'SUCCEEDED' AND status = 'ERROR' THEN 'ACTIVE' ELSE status END "
                                + "WHERE tenant_id = $1 AND id = $2",
                        tenant.value(), id, outcome.name(), Sql.nullable(error, String.class), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static AccountConnection map(Readable row) {
        String lastSyncStatus = row.get("last_sync_status", String.class);
        return new AccountConnection(
                row.get("id", UUID.class),
                new TenantId(row.get("tenant_id", UUID.class)),
                Platform.valueOf(row.get("platform", String.class)),
                row.get("account_id", String.class),
                row.get("display_name", String.class),
                ConnectionStatus.valueOf(row.get("status", String.class)),
                instant(row, "last_sync_at"),
                lastSyncStatus == null ? null : SyncStatus.valueOf(lastSyncStatus),
                row.get("last_error", String.class),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
