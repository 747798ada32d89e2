package ai.stratum.server.ml.cache;

import ai.stratum.server.ml.inference.ModelType;

import java.util.Objects;
import java.util.Optional;

/**
 * A kind of ML result {@link MlCache} keeps: its name, the version of the code or model that computes it
 * (so a new version never serves an old result), how long a result lives, and what makes one stale.
 *
 * @param name            the operation, for example {@code simulateBudget}; unique per kind of result
 * @param version         the scorer's or model's version
 * @param lifetime        how long a result is kept
 * @param readsTenantData whether results come from the tenant's stored data (performance, signals), so
 *                        new data makes them stale
 * @param model           the model type whose retraining makes results stale, if any
 */
public record CachedOperation(String name, String version, CacheLifetime lifetime, boolean readsTenantData,
                              Optional<ModelType> model) {

    public CachedOperation {
        requireText("name", name);
        requireText("version", version);
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(model, "model");
    }

    /** A result computed from the tenant's stored data by versioned code. */
    public static CachedOperation fromTenantData(String name, String version, CacheLifetime lifetime) {
        return new CachedOperation(name, version, lifetime, true, Optional.empty());
    }

    /**
     * A model's prediction from the features in the request.
     *
     * @param version the model version that predicts (the registry's active version, or the endpoint's)
     */
    public static CachedOperation fromModel(String name, String version, CacheLifetime lifetime, ModelType model) {
        return new CachedOperation(name, version, lifetime, false, Optional.of(model));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(field + " must be non-blank text without ':', was " + value);
        }
    }
}
