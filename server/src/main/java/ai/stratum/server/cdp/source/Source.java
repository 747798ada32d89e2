package ai.stratum.server.cdp.source;

import ai.stratum.server.tenancy.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored source: its metadata only.
 *
 * @param writeKey present only in the answer to {@code createSource}; never stored
 */
public record Source(UUID id, TenantId tenantId, String name, SourceKind kind, Instant createdAt, Optional<Instant> revokedAt,
                     Optional<String> writeKey) {

    Source withWriteKey(String key) {
        return new Source(id, tenantId, name, kind, createdAt, revokedAt, Optional.of(key));
    }

    public SourceRef ref() {
        return new SourceRef(tenantId, id);
    }
}
