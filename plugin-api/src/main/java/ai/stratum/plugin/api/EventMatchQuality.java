package ai.stratum.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The platform's event-match-quality score for one conversion event of one dataset (pixel): how
 * well the customer information sent with the events lets the platform match them to its users.
 * Signal health weighs it heavily.
 *
 * @param datasetId  the platform's dataset or pixel id
 * @param eventName  the event, as the platform names it, for example {@code Purchase}
 * @param score      the score on the platform's 0 to 10 scale
 * @param observedAt when the platform computed it, or when it was read if the platform does not say
 */
public record EventMatchQuality(String datasetId, String eventName, double score, Instant observedAt) {

    /**
     * Creates a reading.
     *
     * @param datasetId the platform's dataset or pixel id
     * @param eventName the event, as the platform names it, for example {@code Purchase}
     * @param score the score on the platform's 0 to 10 scale
     * @param observedAt when the platform computed it, or when it was read if the platform does not say
     * @throws IllegalArgumentException when the score is outside 0 to 10
     */
    public EventMatchQuality {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(observedAt, "observedAt");
        if (!(score >= 0 && score <= 10)) {
            throw new IllegalArgumentException("event match quality must be between 0 and 10: " + score);
        }
    }
}
