package ai.stratum.server.ml.inference;

/**
 * The learned models of seed 001, each trained per tenant (with a default for tenants without their own)
 * and served through a {@link PredictionProvider}. The model registry keys its versions by this type;
 * retraining one bumps its cache generation ({@code MlCacheGeneration#bump(TenantId, ModelType)}).
 */
public enum ModelType {
    /** Seed 001's ROAS predictor: the eleven campaign features to the coming days' ROAS. */
    ROAS,
    /** Seed 001's conversion predictor: a visitor's nine session features to the probability of converting. */
    CONVERSION,
    /** Seed 001's learned fatigue scorer: a creative's six features to its fatigue. */
    FATIGUE
}
