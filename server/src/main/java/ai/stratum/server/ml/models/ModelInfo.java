package ai.stratum.server.ml.models;

import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One model version as the registry lists it (GraphQL {@code MlModel}).
 *
 * @param type          which model
 * @param scope         the default, or the tenant's own
 * @param version       the tenant's version number, from 1; 0 for the default model
 * @param active        whether it answers the tenant's predictions (the default: whether no tenant version is active)
 * @param revision      the first 16 hex digits of the stored artifact's SHA-256: changes whenever the model does,
 *                      across builds and tenants, so it can key a prediction cache
 * @param metrics       its test metrics
 * @param trainingRows  rows it was trained on (calibration rows included)
 * @param testRows      rows it was tested on
 * @param source        how it was made
 * @param trainingJobId the job that trained it, for {@code TRAINING_JOB} models
 * @param createdAt     when it was trained
 */
public record ModelInfo(ModelType type, ModelScope scope, int version, boolean active, String revision,
                        ModelMetrics metrics, int trainingRows, int testRows, ModelSource source,
                        Optional<UUID> trainingJobId, Instant createdAt) {

    public ModelInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(trainingJobId, "trainingJobId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the same model, marked active or not */
    public ModelInfo withActive(boolean isActive) {
        return new ModelInfo(type, scope, version, isActive, revision, metrics, trainingRows, testRows, source,
                trainingJobId, createdAt);
    }

    /** @return the metrics by name, as GraphQL's {@code ModelMetrics} reads them */
    public Map<String, Double> metricValues() {
        return metrics.values();
    }

    /** @return the revision of an artifact's bytes */
    public static String revisionOf(byte[] artifact) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(artifact);
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
