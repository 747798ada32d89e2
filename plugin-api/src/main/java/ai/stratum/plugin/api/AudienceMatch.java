package ai.stratum.plugin.api;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many of an audience's identifiers the platform matched to its users. Platforms compute this
 * some time after an update and round it for privacy.
 *
 * @param audienceId     the platform's audience id
 * @param uploadedCount  how many identifiers the audience holds, as the platform counts them; empty
 *                       when the platform does not say (Google and TikTok report only matches)
 * @param matchedCount   the platform's estimate of matched users
 * @param measuredAt     when the platform computed the figures, or when they were read if it does not say
 */
public record AudienceMatch(String audienceId, OptionalLong uploadedCount, long matchedCount, Instant measuredAt) {

    /**
     * Creates match figures.
     *
     * @param audienceId the platform's audience id
     * @param uploadedCount how many identifiers the audience holds, as the platform counts them; empty when it does not say
     * @param matchedCount the platform's estimate of matched users
     * @param measuredAt when the platform computed the figures, or when they were read if it does not say
     * @throws IllegalArgumentException when a count is negative
     */
    public AudienceMatch {
        Objects.requireNonNull(audienceId, "audienceId");
        Objects.requireNonNull(uploadedCount, "uploadedCount");
        Objects.requireNonNull(measuredAt, "measuredAt");
        if (uploadedCount.orElse(0) < 0 || matchedCount < 0) {
            throw new IllegalArgumentException("audience counts must not be negative");
        }
    }
}
