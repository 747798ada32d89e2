package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code forecast}'s input: a campaign (its platform only when the id is on several) or a platform, and
 * how many days ahead.
 */
record ForecastRequest(ForecastLevel level, Optional<String> campaignId, Optional<Platform> platform, int days) {

    /**
     * @throws InvalidMlInputException naming {@code campaignId} or {@code platform} when the level's
     *                                 subject is missing, or the one that does not belong to the level
     */
    ForecastRequest {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(platform, "platform");
        if (level == ForecastLevel.CAMPAIGN && campaignId.filter(id -> !id.isBlank()).isEmpty()) {
            throw new InvalidMlInputException("campaignId", "is required for level CAMPAIGN");
        }
        if (level == ForecastLevel.PLATFORM && platform.isEmpty()) {
            throw new InvalidMlInputException("platform", "is required for level PLATFORM");
        }
        if (level == ForecastLevel.PLATFORM && campaignId.isPresent()) {
            throw new InvalidMlInputException("campaignId", "belongs to level CAMPAIGN; a PLATFORM forecast covers all its campaigns");
        }
    }

    static ForecastRequest of(Map<String, Object> input) {
        return new ForecastRequest(ForecastLevel.valueOf((String) input.get("level")),
                Optional.ofNullable((String) input.get("campaignId")),
                Optional.ofNullable((String) input.get("platform")).map(Platform::valueOf),
                ((Number) input.get("days")).intValue());
    }
}
