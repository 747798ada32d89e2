package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A connected ad account, as GraphQL's {@code Connection} shows it: never with its credentials,
 * which only {@link ConnectionRepository#sealed} reads, sealed.
 *
 * @param lastSyncAt     when the last sync finished, successful or not
 * @param lastSyncStatus how the last sync went; RUNNING while one runs
 * @param lastError      why the last sync failed or the connection needs attention; null when all is well
 */
public record AccountConnection(UUID id, TenantId tenant, Platform platform, String accountId, String displayName,
                                ConnectionStatus status, @Nullable Instant lastSyncAt, @Nullable SyncStatus lastSyncStatus,
                                @Nullable String lastError, Instant createdAt, Instant updatedAt) {

    public AccountConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
    }

    /** @return how logs and messages name the account, for example {@code META act_1} */
    public String label() {
        return platform.name() + " " + accountId;
    }
}
