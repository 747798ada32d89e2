package ai.stratum.server.ml.eventquality;

import java.util.List;
import java.util.Objects;

/**
 * Seed 001's event quality output, its keys in camelCase, plus the invalid values found.
 *
 * @param score              0-100: the weights of the match keys with at least one valid value
 * @param level              the score's quality level
 * @param missingFields      the match keys that earned nothing, in the platform's weight order: absent,
 *                           or present with no valid value (those values are in {@code invalidFields})
 * @param invalidFields      every value that cannot be used, with its path and why
 * @param roasImpactEstimate the seed's attribution estimate for the score
 * @param recommendations    what to fix, invalid values first, then missing keys by weight
 */
public record EventQualityResult(double score, QualityLevel level, List<MatchKey> missingFields,
                                 List<InvalidField> invalidFields, String roasImpactEstimate,
                                 List<String> recommendations) {

    public EventQualityResult {
        Objects.requireNonNull(level, "level");
        missingFields = List.copyOf(missingFields);
        invalidFields = List.copyOf(invalidFields);
        Objects.requireNonNull(roasImpactEstimate, "roasImpactEstimate");
        recommendations = List.copyOf(recommendations);
    }
}
