package ai.stratum.server.ml.models;

/** How a model came to be. */
public enum ModelSource {
    /** Trained when the server was built (the default models). */
    BUILD,
    /** Trained by a {@code trainModel} job on the tenant's data. */
    TRAINING_JOB,
    /** Trained from a CSV file with {@code ml train … --tenant}. */
    CSV
}
