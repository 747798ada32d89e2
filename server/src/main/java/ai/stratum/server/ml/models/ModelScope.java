package ai.stratum.server.ml.models;

/** Whose a model is. */
public enum ModelScope {
    /** Shipped with the server, trained at build time; answers every tenant without an active model of its own. */
    DEFAULT,
    /** Trained on one tenant's data, or from a CSV file for it. */
    TENANT
}
