package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.tenancy.TenantId;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An OAuth authorization in progress, as {@code startOAuth} recorded it: who started it, for which
 * account, and the redirect URI the code must be exchanged with.
 */
record OAuthState(TenantId tenant, UUID userId, Platform platform, String accountId, String displayName, URI redirectUri,
                  Instant expiresAt) {
}
