package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which group a performance row adds up: the values of the dimensions it is grouped by, empty for
 * the others. Account and campaign name are empty too for performance of a campaign that was never
 * synced.
 */
public record PerformanceGroup(Optional<Platform> platform, Optional<String> accountId, Optional<String> campaignId,
                               Optional<String> campaignName, Optional<LocalDate> date) {

    /** The group of the ungrouped totals. */
    public static final PerformanceGroup ALL =
            new PerformanceGroup(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
