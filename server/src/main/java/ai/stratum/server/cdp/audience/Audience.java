package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.Platform;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A segment's customer-list audience on one connected account, for one kind of identifier.
 *
 * @param platformAudienceId the platform's id; null until a sync with members of this kind created it
 * @param size               hashes the audience holds, as far as Stratum sent them
 */
public record Audience(UUID id, UUID segmentId, UUID connectionId, Platform platform, String accountId,
                       IdentifierType identifierType, String name, @Nullable String platformAudienceId, long size,
                       @Nullable Long uploadedCount, @Nullable Long matchedCount, @Nullable Instant matchMeasuredAt,
                       @Nullable Instant lastSyncedAt) {
}
