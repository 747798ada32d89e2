package ai.stratum.server.ml.models;

import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code trainModel} run (GraphQL {@code TrainingJob}).
 *
 * @param id           the job
 * @param type         the model it trains
 * @param status       where it is
 * @param stage        what it is doing or did last, in a few words
 * @param progress     how far it is, 0 to 1
 * @param metrics      the new model's test metrics, once it succeeded
 * @param modelVersion the version it registered, once it succeeded
 * @param trainingRows rows the model was trained on, once known
 * @param testRows     rows it was tested on, once known
 * @param error        why it failed
 * @param createdAt    when it was asked for
 * @param startedAt    when a training thread took it
 * @param finishedAt   when it succeeded or failed
 */
public record TrainingJob(UUID id, ModelType type, TrainingStatus status, String stage, double progress,
                          Optional<ModelMetrics> metrics, Optional<Integer> modelVersion, Optional<Integer> trainingRows,
                          Optional<Integer> testRows, Optional<String> error, Instant createdAt,
                          Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    public TrainingJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the metrics by name, as GraphQL's {@code ModelMetrics} reads them; empty before success */
    public Optional<java.util.Map<String, Double>> metricValues() {
        return metrics.map(ModelMetrics::values);
    }
}
