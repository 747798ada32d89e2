package ai.stratum.server.identity;

import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in. The password hash never leaves the identity package. */
public record User(UUID id, TenantId tenantId, String email, Role role, Instant createdAt) {
}
