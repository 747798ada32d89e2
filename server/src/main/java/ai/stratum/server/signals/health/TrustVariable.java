package ai.stratum.server.signals.health;

import java.util.Optional;

/**
 * The environment variables (and per-tenant override keys) behind {@link TrustSettings}. The first
 * ten are seed 002's; the weights, the conservative and the hold thresholds are Stratum's names for
 * numbers the seed hard-codes.
 */
public enum TrustVariable {
    /** {@link TrustSettings#healthyThreshold()}, default 70. */
    HEALTHY_THRESHOLD("TRUST_HEALTHY_THRESHOLD"),
    /** {@link TrustSettings#degradedThreshold()}, default 40. */
    DEGRADED_THRESHOLD("TRUST_DEGRADED_THRESHOLD"),
    /** {@link TrustSettings#highRiskThreshold()}, default 80. */
    HIGH_RISK_THRESHOLD("TRUST_HIGH_RISK_THRESHOLD"),
    /** {@link TrustSettings#conservativeThreshold()}, default 60. */
    CONSERVATIVE_THRESHOLD("TRUST_CONSERVATIVE_THRESHOLD"),
    /** {@link TrustSettings#holdThreshold()}, default 40. */
    HOLD_THRESHOLD("TRUST_HOLD_THRESHOLD"),
    /** {@link TrustSettings#maxDataAgeHours()}, default 24. */
    MAX_DATA_AGE_HOURS("TRUST_MAX_DATA_AGE_HOURS"),
    /** {@link TrustSettings#staleDataAgeHours()}, default 48. */
    STALE_DATA_AGE_HOURS("TRUST_STALE_DATA_AGE_HOURS"),
    /** {@link TrustSettings#maxVariancePct()}, default 15. */
    MAX_VARIANCE_PCT("TRUST_MAX_VARIANCE_PCT"),
    /** {@link TrustSettings#warningVariancePct()}, default 10. */
    WARNING_VARIANCE_PCT("TRUST_WARNING_VARIANCE_PCT"),
    /** {@link TrustSettings#anomalyZScoreThreshold()}, default 3.0. */
    ANOMALY_ZSCORE_THRESHOLD("TRUST_ANOMALY_ZSCORE_THRESHOLD"),
    /** {@link TrustSettings#emqWeight()}, default 0.40. */
    WEIGHT_EMQ("TRUST_WEIGHT_EMQ"),
    /** {@link TrustSettings#freshnessWeight()}, default 0.25. */
    WEIGHT_FRESHNESS("TRUST_WEIGHT_FRESHNESS"),
    /** {@link TrustSettings#varianceWeight()}, default 0.20. */
    WEIGHT_VARIANCE("TRUST_WEIGHT_VARIANCE"),
    /** {@link TrustSettings#anomalyWeight()}, default 0.15. */
    WEIGHT_ANOMALY("TRUST_WEIGHT_ANOMALY"),
    /** {@link TrustSettings#cdpWeight()}, default 0.10. */
    CDP_WEIGHT("TRUST_CDP_WEIGHT"),
    /** {@link TrustSettings#cdpEnabled()}, default true. */
    CDP_ENABLED("TRUST_CDP_ENABLED");

    private final String variableName;

    TrustVariable(String variableName) {
        this.variableName = variableName;
    }

    /** @return the environment variable's name, for example {@code TRUST_HEALTHY_THRESHOLD} */
    public String variableName() {
        return variableName;
    }

    /**
     * @param variableName an environment variable's name
     * @return the trust variable of that name, or empty when it is none of them
     */
    public static Optional<TrustVariable> named(String variableName) {
        for (TrustVariable variable : values()) {
            if (variable.variableName.equals(variableName)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    /** @return this variable's value in the given settings, as it would be written in the environment */
    String valueIn(TrustSettings s) {
        return switch (this) {
            case HEALTHY_THRESHOLD -> Double.toString(s.healthyThreshold());
            case DEGRADED_THRESHOLD -> Double.toString(s.degradedThreshold());
            case HIGH_RISK_THRESHOLD -> Double.toString(s.highRiskThreshold());
            case CONSERVATIVE_THRESHOLD -> Double.toString(s.conservativeThreshold());
            case HOLD_THRESHOLD -> Double.toString(s.holdThreshold());
            case MAX_DATA_AGE_HOURS -> Double.toString(s.maxDataAgeHours());
            case STALE_DATA_AGE_HOURS -> Double.toString(s.staleDataAgeHours());
            case MAX_VARIANCE_PCT -> Double.toString(s.maxVariancePct());
            case WARNING_VARIANCE_PCT -> Double.toString(s.warningVariancePct());
            case ANOMALY_ZSCORE_THRESHOLD -> Double.toString(s.anomalyZScoreThreshold());
            case WEIGHT_EMQ -> Double.toString(s.emqWeight());
            case WEIGHT_FRESHNESS -> Double.toString(s.freshnessWeight());
            case WEIGHT_VARIANCE -> Double.toString(s.varianceWeight());
            case WEIGHT_ANOMALY -> Double.toString(s.anomalyWeight());
            case CDP_WEIGHT -> Double.toString(s.cdpWeight());
            case CDP_ENABLED -> Boolean.toString(s.cdpEnabled());
        };
    }
}
