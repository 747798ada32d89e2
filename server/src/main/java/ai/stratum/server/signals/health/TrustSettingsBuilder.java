package ai.stratum.server.signals.health;

import java.util.Locale;

/** Applies textual {@link TrustVariable} values on top of existing settings; the record validates the result. */
final class TrustSettingsBuilder {

    private double healthyThreshold;
    private double degradedThreshold;
    private double highRiskThreshold;
    private double conservativeThreshold;
    private double holdThreshold;
    private double maxDataAgeHours;
    private double staleDataAgeHours;
    private double maxVariancePct;
    private double warningVariancePct;
    private double anomalyZScoreThreshold;
    private double emqWeight;
    private double freshnessWeight;
    private double varianceWeight;
    private double anomalyWeight;
    private double cdpWeight;
    private boolean cdpEnabled;

    TrustSettingsBuilder(TrustSettings base) {
        healthyThreshold = base.healthyThreshold();
        degradedThreshold = base.degradedThreshold();
        highRiskThreshold = base.highRiskThreshold();
        conservativeThreshold = base.conservativeThreshold();
        holdThreshold = base.holdThreshold();
        maxDataAgeHours = base.maxDataAgeHours();
        staleDataAgeHours = base.staleDataAgeHours();
        maxVariancePct = base.maxVariancePct();
        warningVariancePct = base.warningVariancePct();
        anomalyZScoreThreshold = base.anomalyZScoreThreshold();
        emqWeight = base.emqWeight();
        freshnessWeight = base.freshnessWeight();
        varianceWeight = base.varianceWeight();
        anomalyWeight = base.anomalyWeight();
        cdpWeight = base.cdpWeight();
        cdpEnabled = base.cdpEnabled();
    }

    TrustSettingsBuilder set(TrustVariable variable, String raw) {
        switch (variable) {
            case HEALTHY_THRESHOLD -> healthyThreshold = number(variable, raw);
            case DEGRADED_THRESHOLD -> degradedThreshold = number(variable, raw);
            case HIGH_RISK_THRESHOLD -> highRiskThreshold = number(variable, raw);
            case CONSERVATIVE_THRESHOLD -> conservativeThreshold = number(variable, raw);
            case HOLD_THRESHOLD -> holdThreshold = number(variable, raw);
            case MAX_DATA_AGE_HOURS -> maxDataAgeHours = number(variable, raw);
            case STALE_DATA_AGE_HOURS -> staleDataAgeHours = number(variable, raw);
            case MAX_VARIANCE_PCT -> maxVariancePct = number(variable, raw);
            case WARNING_VARIANCE_PCT -> warningVariancePct = number(variable, raw);
            case ANOMALY_ZSCORE_THRESHOLD -> anomalyZScoreThreshold = number(variable, raw);
            case WEIGHT_EMQ -> emqWeight = number(variable, raw);
            case WEIGHT_FRESHNESS -> freshnessWeight = number(variable, raw);
            case WEIGHT_VARIANCE -> varianceWeight = number(variable, raw);
            case WEIGHT_ANOMALY -> anomalyWeight = number(variable, raw);
            case CDP_WEIGHT -> cdpWeight = number(variable, raw);
            case CDP_ENABLED -> cdpEnabled = bool(variable, raw);
        }
        return this;
    }

    TrustSettings build() {
        return new TrustSettings(healthyThreshold, degradedThreshold, highRiskThreshold, conservativeThreshold,
                holdThreshold, maxDataAgeHours, staleDataAgeHours, maxVariancePct, warningVariancePct,
                anomalyZScoreThreshold, emqWeight, freshnessWeight, varianceWeight, anomalyWeight, cdpWeight,
                cdpEnabled);
    }

    private static double number(TrustVariable variable, String raw) {
        String text = raw == null ? "" : raw.trim();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the variable's name, like a non-finite value
        }
        throw new InvalidTrustSettingsException(variable.variableName(),
                variable.variableName() + " must be a number, was '" + raw + "'");
    }

    /** Only {@code true} or {@code false}: Boolean.parseBoolean would read a typo as false, silently. */
    private static boolean bool(TrustVariable variable, String raw) {
        String text = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidTrustSettingsException(variable.variableName(),
                    variable.variableName() + " must be true or false, was '" + raw + "'");
        };
    }
}
