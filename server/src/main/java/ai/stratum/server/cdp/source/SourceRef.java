package ai.stratum.server.cdp.source;

import ai.stratum.server.tenancy.TenantId;

import java.util.UUID;

/** The source events are ingested for, and so the tenant they belong to. */
public record SourceRef(TenantId tenant, UUID sourceId) {
}
