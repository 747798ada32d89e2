package ai.stratum.server.trust;

/**
 * How much the autopilot may propose at the current signal health (seed 002's autopilot modes). The
 * mode only limits proposals; the {@link TrustGate} still decides whether each one executes, waits
 * for approval, or is refused. Each mode allows a subset of what the one above allows.
 */
public enum AutopilotMode {
    /** Health at or above the standard threshold (70): every action. */
    NORMAL,
    /** Health at or above the conservative threshold (60): conservative and always-allowed actions. */
    LIMITED,
    /** Health at or above the hold threshold (40): conservative actions that pause or reduce, and always-allowed ones. */
    CUTS_ONLY,
    /** Health below the hold threshold: only always-allowed actions (the ways to stop spending). */
    FROZEN;

    /**
     * The mode at a score, with the gate's thresholds as the boundaries (seed 002: 70, 60, 40).
     *
     * @param score  overall signal health
     * @param config supplies the standard, conservative and hold thresholds
     * @return the mode; FROZEN for NaN
     */
    public static AutopilotMode of(double score, TrustGateConfig config) {
        if (score >= config.standardThreshold()) {
            return NORMAL;
        }
        if (score >= config.conservativeThreshold()) {
            return LIMITED;
        }
        return score >= config.holdThreshold() ? CUTS_ONLY : FROZEN;
    }

    /**
     * Whether the autopilot may propose an action in this mode. CUTS_ONLY takes the seed's "pause/reduce
     * actions" to mean the conservative actions that are {@linkplain ActionType#isCut() cuts} — with the
     * seed's lists, all of them; {@link ActionType#UPDATE_STATUS} is no cut, since it can resume delivery.
     * Requiring conservative as well keeps CUTS_ONLY within LIMITED when a tenant reclassifies a cut.
     *
     * @param action the action to propose
     * @param config the tenant's risk levels
     * @return whether the action may be proposed
     */
    public boolean mayPropose(ActionType action, TrustGateConfig config) {
        RiskLevel risk = config.riskOf(action);
        return switch (this) {
            case NORMAL -> true;
            case LIMITED -> risk == RiskLevel.CONSERVATIVE || risk == RiskLevel.ALWAYS_ALLOWED;
            case CUTS_ONLY -> (risk == RiskLevel.CONSERVATIVE && action.isCut()) || risk == RiskLevel.ALWAYS_ALLOWED;
            case FROZEN -> risk == RiskLevel.ALWAYS_ALLOWED;
        };
    }
}
