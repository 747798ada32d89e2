package ai.stratum.server.connectors;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** SQL for {@code sync_runs}. */
@Singleton
class SyncRunRepository {

    private static final String COLUMNS = "id, tenant_id, connection_id, status, range_from, range_to, rows_written, started_at, "
            + "finished_at, error, triggered_by";

    /** Starts a run; empty when the connection already has one RUNNING. */
    Mono<SyncRun> start(Connection connection, TenantId tenant, UUID connectionId, SyncWindow window, UUID triggeredBy) {
        return Sql.of(connection, "INSERT INTO sync_runs (tenant_id, id, connection_id, status, range_from, range_to, triggered_by) "
                                + "VALUES ($1, $2, $3, 'RUNNING', $4, $5, $6) "
                                + "ON CONFLICT (tenant_id, connection_id) WHERE status = 'RUNNING' DO NOTHING RETURNING " + COLUMNS,
                        tenant.value(), UUID.randomUUID(), connectionId, window.from(), window.to(),
                        Sql.nullable(triggeredBy, UUID.class))
                .row(SyncRunRepository::map);
    }

    Mono<SyncRun> running(Connection connection, TenantId tenant, UUID connectionId) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = $1 AND connection_id = $2 "
                        + "AND status = 'RUNNING'", tenant.value(), connectionId)
                .row(SyncRunRepository::map);
    }

    /**
     * Fails runs left RUNNING longer than any run may take: their server stopped before finishing
     * them. Without this, one crash would keep the connection from ever syncing again.
     */
    Mono<Long> abandon(Connection connection, TenantId tenant, UUID connectionId, Duration olderThan) {
        return Sql.of(connection, "UPDATE sync_runs SET status = 'FAILED', finished_at = now(), "
                                + "error = 'Interrupted: the server running this sync stopped before it finished' "
                                + "WHERE tenant_id = $1 AND connection_id = $2 AND status = 'RUNNING' "
                                + "AND started_at < now() - make_interval(secs => $3)",
                        tenant.value(), connectionId, (double) olderThan.toSeconds())
                .update();
    }

    /** Finishes a RUNNING run; empty when it is no longer RUNNING (or no longer exists). */
    Mono<SyncRun> finish(Connection connection, TenantId tenant, UUID id, SyncStatus outcome, long rowsWritten, String error) {
        return Sql.of(connection, "UPDATE sync_runs SET status = $3, rows_written = $4, error = $5, finished_at = now() "
                                + "WHERE tenant_id = $1 AND id = $2 AND status = 'RUNNING' RETURNING " + COLUMNS,
                        tenant.value(), id, outcome.name(), rowsWritten, Sql.nullable(error, String.class))
                .row(SyncRunRepository::map);
    }

    Mono<SyncRun> find(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(SyncRunRepository::map);
    }

    private static SyncRun map(Readable row) {
        return new SyncRun(
                row.get("id", UUID.class),
                new TenantId(row.get("tenant_id", UUID.class)),
                row.get("connection_id", UUID.class),
                SyncStatus.valueOf(row.get("status", String.class)),
                row.get("range_from", LocalDate.class),
                row.get("range_to", LocalDate.class),
                row.get("rows_written", Long.class),
                ConnectionRepository.instant(row, "started_at"),
                ConnectionRepository.instant(row, "finished_at"),
                row.get("error", String.class),
                row.get("triggered_by", UUID.class));
    }
}
