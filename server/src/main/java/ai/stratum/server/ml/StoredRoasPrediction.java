package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.roas.RoasPrediction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One live ROAS prediction of a campaign, as the half-hourly job stored it (GraphQL {@code StoredRoasPrediction}).
 *
 * @param id           the row
 * @param platform     the campaign's platform
 * @param campaignId   the campaign
 * @param predictedFor the day predicted: the tenant's today at the time
 * @param modelVersion what answered: the registry model's revision, or the Vertex AI endpoint
 * @param prediction   the prediction, its interval, trend and recommendation
 * @param predictedAt  when
 */
public record StoredRoasPrediction(UUID id, Platform platform, String campaignId, LocalDate predictedFor, String modelVersion,
                                   RoasPrediction prediction, Instant predictedAt) {

    public StoredRoasPrediction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(predictedFor, "predictedFor");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(predictedAt, "predictedAt");
    }
}
