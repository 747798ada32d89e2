package ai.stratum.server.tenancy;

import java.time.Instant;

public record Tenant(TenantId id, String name, String currency, String timezone, Instant createdAt) {
}
