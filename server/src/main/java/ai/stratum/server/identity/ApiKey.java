package ai.stratum.server.identity;

import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A stored API key: its metadata only; the secret exists in plaintext once, in the create response. */
public record ApiKey(UUID id, TenantId tenantId, String name, Role role, UUID createdBy, Instant createdAt,
                     Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
}
