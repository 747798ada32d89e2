package ai.stratum.server.cdp;

import ai.stratum.server.cdp.identity.IdentityLimits;
import ai.stratum.server.cdp.profile.TraitMerger;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer data platform's settings ({@code STRATUM_CDP_*}). Checked at start: a server with
 * limits it cannot honour does not start.
 *
 * @param maxBatchBytes  largest {@code /v1/batch} body (Segment: 500 KB)
 * @param maxEventBytes  largest single event, as a request body or as one item of a batch (Segment: 32 KB)
 * @param maxBatchEvents most events in one batch or one {@code ingestEvents} call (Segment: 2500)
 * @param orderEvents    track event names that are orders, any case (Segment's e-commerce spec: Order Completed)
 * @param traitMerge     per-trait merge strategies, {@code trait=STRATEGY,…} (see {@link TraitMerger#parse})
 * @param repointBatchSize events moved to a merge survivor per transaction by the background job
 */
@ConfigurationProperties("stratum.cdp")
public record CdpSettings(int maxEmailsPerProfile, int maxUserIdsPerProfile, int maxPhonesPerProfile, int maxBatchBytes,
                          int maxEventBytes, int maxBatchEvents, List<String> orderEvents, @Nullable String traitMerge,
                          int repointBatchSize) {

    public CdpSettings {
        if (maxEventBytes < 1 || maxBatchBytes < maxEventBytes) {
            throw new IllegalArgumentException("STRATUM_CDP_MAX_EVENT_BYTES must be at least 1 and at most STRATUM_CDP_MAX_BATCH_BYTES");
        }
        if (maxBatchEvents < 1) {
            throw new IllegalArgumentException("STRATUM_CDP_MAX_BATCH_EVENTS must be at least 1");
        }
        if (repointBatchSize < 1) {
            throw new IllegalArgumentException("STRATUM_CDP_REPOINT_BATCH_SIZE must be at least 1");
        }
        orderEvents = orderEvents == null ? List.of() : orderEvents.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
        identityLimits(maxUserIdsPerProfile, maxEmailsPerProfile, maxPhonesPerProfile);
        TraitMerger.parse(traitMerge);
    }

    public IdentityLimits identityLimits() {
        return identityLimits(maxUserIdsPerProfile, maxEmailsPerProfile, maxPhonesPerProfile);
    }

    public TraitMerger traitMerger() {
        return TraitMerger.parse(traitMerge);
    }

    public Set<String> orderEventNames() {
        return orderEvents.stream().collect(Collectors.toUnmodifiableSet());
    }

    private static IdentityLimits identityLimits(int userIds, int emails, int phones) {
        return new IdentityLimits(userIds, emails, phones);
    }
}
