package ai.stratum.server.cdp.profile;

import ai.stratum.server.tenancy.TenantId;

import java.util.Set;
import java.util.UUID;

/**
 * Published (Micronaut's {@code ApplicationEventPublisher}) after a transaction that changed profiles
 * committed: ingestion, a merge, an erasure. Listeners must return at once; whatever they do with it
 * (segment membership, for one) runs elsewhere. {@code profileIds} may name profiles merged away or
 * deleted: a listener treats them as no longer live.
 */
public record ProfilesChanged(TenantId tenant, Set<UUID> profileIds) {

    public ProfilesChanged {
        profileIds = Set.copyOf(profileIds);
    }
}
