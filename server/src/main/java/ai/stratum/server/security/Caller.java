package ai.stratum.server.security;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.tenancy.TenantId;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is making a request and in which tenant they act. {@code tenant} is the tenant every
 * service call is scoped to: the caller's own, or, for a super admin, the one named with
 * {@code X-Stratum-Tenant}.
 *
 * @param userId   the user, or the user who created the API key
 * @param apiKeyId present when the caller authenticated with an API key
 */
public record Caller(UUID userId, Optional<UUID> apiKeyId, Role role, TenantId homeTenant, TenantId tenant) {

    public boolean crossTenant() {
        return !homeTenant.equals(tenant);
    }

    public boolean viaApiKey() {
        return apiKeyId.isPresent();
    }

    /** Refuses the call unless the caller holds at least {@code required}. */
    public Caller require(Role required) {
        if (!role.atLeast(required)) {
            throw ApiException.forbidden("This requires the " + required + " role; you have " + role);
        }
        return this;
    }

    /** The same caller acting in another tenant; only a super admin may. */
    public Caller actingIn(TenantId other) {
        if (other.equals(tenant)) {
            return this;
        }
        if (role != Role.SUPER_ADMIN) {
            throw ApiException.forbidden("Only a SUPER_ADMIN may act in another tenant");
        }
        return new Caller(userId, apiKeyId, role, homeTenant, other);
    }
}
