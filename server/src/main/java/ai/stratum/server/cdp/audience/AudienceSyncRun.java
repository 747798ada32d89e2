package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.Platform;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One sync of a segment to one connected ad account, over its e-mail and phone audiences.
 *
 * @param eligible       segment members with advertising consent and an identifier the platform matches on
 * @param withoutConsent segment members left out because they have not granted advertising consent
 * @param added          hashes added to the platform's audiences
 * @param removed        hashes removed from them
 * @param received       hashes the platform said it received
 * @param invalid        hashes the platform rejected as malformed
 * @param uploadedCount  what the platform says its audiences hold, when it says
 * @param matchedCount   the platform's estimate of matched users, once read
 */
public record AudienceSyncRun(UUID id, UUID segmentId, UUID connectionId, Platform platform, String accountId,
                              AudienceSyncStatus status, long eligible, long withoutConsent, long added, long removed,
                              long received, long invalid, @Nullable Long uploadedCount, @Nullable Long matchedCount,
                              @Nullable String error, Instant startedAt, @Nullable Instant finishedAt) {
}
