package ai.stratum.server.ml.anomaly;

/** How an anomaly was found. */
public enum AnomalyMethod {
    /** One metric beyond the z-score threshold from its trailing 28 days: the trust engine's test ({@code ZScore}). */
    Z_SCORE,
    /** The day's five metrics together, isolated quickly by an isolation forest over the campaign's days. */
    ISOLATION_FOREST
}
