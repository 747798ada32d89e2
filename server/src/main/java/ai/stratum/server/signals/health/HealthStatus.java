package ai.stratum.server.signals.health;

/** The three tiers of seed 002's trust engine, from the overall signal-health score. */
public enum HealthStatus {
    /** At or above the healthy threshold (70): full autopilot. */
    HEALTHY,
    /** At or above the degraded threshold (40), below healthy: alert and hold for review. */
    DEGRADED,
    /** Below the degraded threshold: manual intervention required. */
    CRITICAL;

    /**
     * Classifies a score.
     *
     * @param score    overall signal health, 0-100
     * @param settings supplies the healthy and degraded thresholds
     * @return HEALTHY at or above the healthy threshold, DEGRADED at or above the degraded one, else CRITICAL
     *         (also for NaN: an unknown score is not trusted)
     */
    public static HealthStatus of(double score, TrustSettings settings) {
        if (score >= settings.healthyThreshold()) {
            return HEALTHY;
        }
        return score >= settings.degradedThreshold() ? DEGRADED : CRITICAL;
    }
}
