package ai.stratum.server.signals.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static ai.stratum.server.signals.health.TrustVariable.ANOMALY_ZSCORE_THRESHOLD;
import static ai.stratum.server.signals.health.TrustVariable.CDP_WEIGHT;
import static ai.stratum.server.signals.health.TrustVariable.CONSERVATIVE_THRESHOLD;
import static ai.stratum.server.signals.health.TrustVariable.DEGRADED_THRESHOLD;
import static ai.stratum.server.signals.health.TrustVariable.HEALTHY_THRESHOLD;
import static ai.stratum.server.signals.health.TrustVariable.HIGH_RISK_THRESHOLD;
import static ai.stratum.server.signals.health.TrustVariable.HOLD_THRESHOLD;
import static ai.stratum.server.signals.health.TrustVariable.MAX_DATA_AGE_HOURS;
import static ai.stratum.server.signals.health.TrustVariable.MAX_VARIANCE_PCT;
import static ai.stratum.server.signals.health.TrustVariable.STALE_DATA_AGE_HOURS;
import static ai.stratum.server.signals.health.TrustVariable.WARNING_VARIANCE_PCT;
import static ai.stratum.server.signals.health.TrustVariable.WEIGHT_ANOMALY;
import static ai.stratum.server.signals.health.TrustVariable.WEIGHT_EMQ;
import static ai.stratum.server.signals.health.TrustVariable.WEIGHT_FRESHNESS;
import static ai.stratum.server.signals.health.TrustVariable.WEIGHT_VARIANCE;

/**
 * Every threshold and weight of the trust engine, one component per {@link TrustVariable}. The
 * defaults are seed 002's. Validated on construction, so an instance is always usable.
 *
 * @param healthyThreshold       overall score at or above which health is HEALTHY (70); also the trust gate's
 *                               standard threshold
 * @param degradedThreshold      overall score at or above which health is DEGRADED rather than CRITICAL (40)
 * @param highRiskThreshold      the trust gate's threshold for high-risk actions (80)
 * @param conservativeThreshold  the trust gate's threshold for conservative actions (60)
 * @param holdThreshold          below an action's threshold, the score at or above which the gate holds for
 *                               approval rather than blocks (40)
 * @param maxDataAgeHours        data this old or newer is fully fresh (24)
 * @param staleDataAgeHours      data this old or older is stale, freshness 0 (48)
 * @param maxVariancePct         revenue variance, in percent, where the linear decay ends (15)
 * @param warningVariancePct     revenue variance, in percent, up to which the variance score is 100 (10)
 * @param anomalyZScoreThreshold a metric further than this many standard deviations from its mean is an anomaly (3.0)
 * @param emqWeight              weight of the EMQ component without CDP (0.40)
 * @param freshnessWeight        weight of the freshness component without CDP (0.25)
 * @param varianceWeight         weight of the variance component without CDP (0.20)
 * @param anomalyWeight          weight of the anomaly component without CDP (0.15)
 * @param cdpWeight              weight of CDP identity quality when known; the others shrink by {@code 1 - cdpWeight} (0.10)
 * @param cdpEnabled             whether a known CDP score enters the overall score (true)
 */
public record TrustSettings(double healthyThreshold, double degradedThreshold, double highRiskThreshold,
                            double conservativeThreshold, double holdThreshold, double maxDataAgeHours,
                            double staleDataAgeHours, double maxVariancePct, double warningVariancePct,
                            double anomalyZScoreThreshold, double emqWeight, double freshnessWeight,
                            double varianceWeight, double anomalyWeight, double cdpWeight, boolean cdpEnabled) {

    /** How far the four weights may sum from 1, so that 0.40 + 0.25 + 0.20 + 0.15 written in decimal passes. */
    private static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    private static final TrustSettings DEFAULTS = new TrustSettings(70, 40, 80, 60, 40, 24, 48, 15, 10, 3.0,
            0.40, 0.25, 0.20, 0.15, 0.10, true);

    /**
     * @throws InvalidTrustSettingsException naming the variable, when a value is not finite, a threshold is
     *         outside 0-100, the thresholds are out of order (hold &le; conservative &le; healthy &le; high-risk,
     *         degraded &le; healthy), the stale age is not above the maximum age, the warning variance is not
     *         below the maximum, the z-score threshold is not positive, a weight is negative, the four weights do
     *         not sum to 1, or the CDP weight is outside [0, 1)
     */
    public TrustSettings {
        requirePercentage(HEALTHY_THRESHOLD, healthyThreshold);
        requirePercentage(DEGRADED_THRESHOLD, degradedThreshold);
        requirePercentage(HIGH_RISK_THRESHOLD, highRiskThreshold);
        requirePercentage(CONSERVATIVE_THRESHOLD, conservativeThreshold);
        requirePercentage(HOLD_THRESHOLD, holdThreshold);
        requireNotAbove(DEGRADED_THRESHOLD, degradedThreshold, HEALTHY_THRESHOLD, healthyThreshold);
        requireNotAbove(HEALTHY_THRESHOLD, healthyThreshold, HIGH_RISK_THRESHOLD, highRiskThreshold, HIGH_RISK_THRESHOLD);
        requireNotAbove(CONSERVATIVE_THRESHOLD, conservativeThreshold, HEALTHY_THRESHOLD, healthyThreshold);
        requireNotAbove(HOLD_THRESHOLD, holdThreshold, CONSERVATIVE_THRESHOLD, conservativeThreshold);

        requireAtLeast(MAX_DATA_AGE_HOURS, maxDataAgeHours, 0);
        requireFinite(STALE_DATA_AGE_HOURS, staleDataAgeHours);
        if (staleDataAgeHours <= maxDataAgeHours) {
            throw invalid(STALE_DATA_AGE_HOURS, "must be above " + MAX_DATA_AGE_HOURS.variableName() + " "
                    + maxDataAgeHours + ", was " + staleDataAgeHours);
        }
        requireAtLeast(WARNING_VARIANCE_PCT, warningVariancePct, 0);
        requireFinite(MAX_VARIANCE_PCT, maxVariancePct);
        if (maxVariancePct <= warningVariancePct) {
            throw invalid(MAX_VARIANCE_PCT, "must be above " + WARNING_VARIANCE_PCT.variableName() + " "
                    + warningVariancePct + ", was " + maxVariancePct);
        }
        requireFinite(ANOMALY_ZSCORE_THRESHOLD, anomalyZScoreThreshold);
        if (anomalyZScoreThreshold <= 0) {
            throw invalid(ANOMALY_ZSCORE_THRESHOLD, "must be positive, was " + anomalyZScoreThreshold);
        }

        requireAtLeast(WEIGHT_EMQ, emqWeight, 0);
        requireAtLeast(WEIGHT_FRESHNESS, freshnessWeight, 0);
        requireAtLeast(WEIGHT_VARIANCE, varianceWeight, 0);
        requireAtLeast(WEIGHT_ANOMALY, anomalyWeight, 0);
        double weightSum = emqWeight + freshnessWeight + varianceWeight + anomalyWeight;
        if (Math.abs(weightSum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new InvalidTrustSettingsException(WEIGHT_EMQ.variableName(), String.format(Locale.ROOT,
                    "%s, %s, %s and %s must sum to 1, they sum to %s", WEIGHT_EMQ.variableName(),
                    WEIGHT_FRESHNESS.variableName(), WEIGHT_VARIANCE.variableName(), WEIGHT_ANOMALY.variableName(),
                    weightSum));
        }
        requireAtLeast(CDP_WEIGHT, cdpWeight, 0);
        if (cdpWeight >= 1) {
            throw invalid(CDP_WEIGHT, "must be below 1, was " + cdpWeight);
        }
    }

    /** @return seed 002's settings: 70/40/80 thresholds, 60 conservative, 40 hold, 24/48 h, 10/15 %, z 3.0, 40/25/20/15, CDP 10 % on */
    public static TrustSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads the {@code TRUST_*} variables from an environment; a variable that is not set keeps its
     * default, and every other entry of the map (PATH, HOME, …) is ignored.
     *
     * @param env the process environment, for example {@code System.getenv()}
     * @return the settings
     * @throws InvalidTrustSettingsException naming the variable, when a value is not a number (or not
     *         {@code true}/{@code false}), or the settings are invalid as the constructor describes
     */
    public static TrustSettings fromEnvironment(Map<String, String> env) {
        TrustSettingsBuilder builder = new TrustSettingsBuilder(DEFAULTS);
        for (TrustVariable variable : TrustVariable.values()) {
            String raw = env.get(variable.variableName());
            if (raw != null) {
                builder.set(variable, raw);
            }
        }
        return builder.build();
    }

    /**
     * These settings with a tenant's overrides on top.
     *
     * @param overrides values keyed by the same variable names as the environment
     * @return the overridden settings
     * @throws InvalidTrustSettingsException naming the key, when a key is not a trust variable (a typo must not be
     *         ignored silently), a value does not parse, or the result is invalid as the constructor describes
     */
    public TrustSettings withOverrides(Map<String, String> overrides) {
        TrustSettingsBuilder builder = new TrustSettingsBuilder(this);
        overrides.forEach((name, raw) -> builder.set(TrustVariable.named(name).orElseThrow(
                () -> new InvalidTrustSettingsException(name, name + " is not a trust setting")), raw));
        return builder.build();
    }

    /** @return every variable's value, by variable name, in {@link TrustVariable} order; reading them back gives these settings */
    public Map<String, String> variables() {
        Map<String, String> values = new LinkedHashMap<>();
        for (TrustVariable variable : TrustVariable.values()) {
            values.put(variable.variableName(), variable.valueIn(this));
        }
        return Collections.unmodifiableMap(values);
    }

    private static void requirePercentage(TrustVariable variable, double value) {
        requireFinite(variable, value);
        if (value < 0 || value > 100) {
            throw invalid(variable, "must be between 0 and 100, was " + value);
        }
    }

    private static void requireNotAbove(TrustVariable lower, double lowerValue, TrustVariable upper,
                                        double upperValue) {
        requireNotAbove(lower, lowerValue, upper, upperValue, lower);
    }

    /** {@code blamed} is the variable the error names: the one further from the middle of the order. */
    private static void requireNotAbove(TrustVariable lower, double lowerValue, TrustVariable upper,
                                        double upperValue, TrustVariable blamed) {
        if (lowerValue > upperValue) {
            throw new InvalidTrustSettingsException(blamed.variableName(), lower.variableName() + " " + lowerValue
                    + " must not be above " + upper.variableName() + " " + upperValue);
        }
    }

    private static void requireAtLeast(TrustVariable variable, double value, double minimum) {
        requireFinite(variable, value);
        if (value < minimum) {
            throw invalid(variable, "must not be below " + minimum + ", was " + value);
        }
    }

    private static void requireFinite(TrustVariable variable, double value) {
        if (!Double.isFinite(value)) {
            throw invalid(variable, "must be a finite number, was " + value);
        }
    }

    private static InvalidTrustSettingsException invalid(TrustVariable variable, String problem) {
        return new InvalidTrustSettingsException(variable.variableName(), variable.variableName() + " " + problem);
    }
}
