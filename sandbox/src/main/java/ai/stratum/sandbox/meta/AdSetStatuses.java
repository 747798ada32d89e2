package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.EntityStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured status of each simulated ad set. The simulation delivers by its campaigns' status
 * only, so an ad set's own status is kept here for the API to read back; every ad set starts
 * {@code ACTIVE}. Thread-safe.
 */
final class AdSetStatuses {

    private final Map<String, EntityStatus> statuses = new ConcurrentHashMap<>();

    EntityStatus of(String adSetId) {
        return statuses.getOrDefault(adSetId, EntityStatus.ACTIVE);
    }

    void set(String adSetId, EntityStatus status) {
        statuses.put(adSetId, status);
    }
}
