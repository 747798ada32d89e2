package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.tenancy.TenantId;

import java.util.Optional;
import java.util.UUID;

/**
 * Whom a plugin call is for: the tenant, the platform and connector, and the connection when there
 * is one (an OAuth start or code exchange comes before any connection).
 */
record CallScope(TenantId tenant, Platform platform, String connector, Optional<UUID> connection) {
}
