package ai.stratum.server.ml.training;

/** The learned models of seed 001, as the registry and the GraphQL {@code ModelType} name them. */
public enum ModelType {
    /** The ROAS predictor: XGBoost regression over eleven campaign features. */
    ROAS,
    /** The conversion predictor: Smile gradient-boosted trees over nine session inputs. */
    CONVERSION
}
