package ai.stratum.server.trust;

import java.util.Objects;

/**
 * The autopilot mode at a score with seed 002's reason for it ({@code get_autopilot_mode}).
 *
 * @param mode   the mode
 * @param reason the seed's wording, for example "Signal health degraded - conservative only"
 * @param score  the overall signal health it was judged at
 */
public record ModeAssessment(AutopilotMode mode, String reason, double score) {

    public ModeAssessment {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Seed 002's {@code get_autopilot_mode}: at or above 80 NORMAL (excellent), 70 NORMAL (good), 60 LIMITED,
     * 40 CUTS_ONLY, else FROZEN.
     *
     * @param score overall signal health
     * @return the mode with its reason
     */
    public static ModeAssessment of(double score) {
        return of(score, TrustGateConfig.defaults());
    }

    /**
     * {@link #of(double)} with a tenant's thresholds: the seed's 80/70/60/40 are the high-risk, standard,
     * conservative and hold thresholds, which is what they equal by default.
     *
     * @param score  overall signal health
     * @param config the tenant's gate configuration
     * @return the mode with its reason
     */
    public static ModeAssessment of(double score, TrustGateConfig config) {
        return new ModeAssessment(AutopilotMode.of(score, config), reason(score, config), score);
    }

    static String reason(double score, TrustGateConfig config) {
        if (score >= config.highRiskThreshold()) {
            return "Signal health excellent - full autopilot";
        }
        if (score >= config.standardThreshold()) {
            return "Signal health good - autopilot enabled";
        }
        if (score >= config.conservativeThreshold()) {
            return "Signal health degraded - conservative only";
        }
        if (score >= config.holdThreshold()) {
            return "Signal health low - pause/reduce only";
        }
        return "Signal health critical - automation frozen";
    }
}
