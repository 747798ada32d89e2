package ai.stratum.server.cdp.rfm;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/** A profile's stored scores: its RFM scores (customers only) and its churn probability (once a model scored it). */
public record ProfileScores(UUID profileId, Optional<Rfm> rfm, OptionalDouble churnProbability) {

    /** GraphQL's {@code Rfm}. */
    public record Rfm(int recency, int frequency, int monetary, RfmGroup group, Instant computedAt) {
    }
}
