package ai.stratum.server.connectors;

import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One sync of one connection over a window of days.
 *
 * @param rowsWritten campaign and daily performance rows written; 0 until it succeeds
 * @param error       why it failed; null otherwise
 * @param triggeredBy the user who asked for it; null for the schedule
 */
public record SyncRun(UUID id, TenantId tenant, UUID connectionId, SyncStatus status, LocalDate from, LocalDate to,
                      long rowsWritten, Instant startedAt, @Nullable Instant finishedAt, @Nullable String error,
                      @Nullable UUID triggeredBy) {
}
