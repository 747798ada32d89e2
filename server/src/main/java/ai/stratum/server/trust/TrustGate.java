package ai.stratum.server.trust;

import java.util.Objects;

/**
 * Seed 002's trust gate: judges an action by the signal health of the account it touches.
 * Always-allowed actions pass at any score; any other action passes at or above its risk level's
 * threshold, is held for approval at or above the hold threshold, and is blocked below it. A NaN
 * score blocks (an unknown health is not trusted).
 *
 * <p>Risk levels and thresholds are resolved per action once, at construction, so an evaluation is
 * two array reads, a few comparisons and two small allocations. Immutable and safe to share.
 */
public final class TrustGate {

    private static final ActionType[] ACTIONS = ActionType.values();

    private final TrustGateConfig config;
    private final RiskLevel[] riskByAction = new RiskLevel[ACTIONS.length];
    private final double[] thresholdByAction = new double[ACTIONS.length];

    /** @param config the tenant's thresholds and action lists */
    public TrustGate(TrustGateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        for (ActionType action : ACTIONS) {
            RiskLevel risk = config.riskOf(action);
            riskByAction[action.ordinal()] = risk;
            thresholdByAction[action.ordinal()] = config.thresholdOf(risk);
        }
    }

    /** @return the configuration this gate judges by */
    public TrustGateConfig config() {
        return config;
    }

    /**
     * @param action      the action to judge
     * @param healthScore the overall signal health of the account the action touches
     * @return the decision, the action's risk level and threshold, the autopilot mode and the reasons
     */
    public GateEvaluation evaluate(ActionType action, double healthScore) {
        int index = action.ordinal();
        RiskLevel risk = riskByAction[index];
        double threshold = thresholdByAction[index];
        GateDecision decision;
        if (risk == RiskLevel.ALWAYS_ALLOWED || healthScore >= threshold) {
            decision = GateDecision.PASS;
        } else if (healthScore >= config.holdThreshold()) {
            decision = GateDecision.HOLD;
        } else {
            decision = GateDecision.BLOCK;
        }
        AutopilotMode mode = AutopilotMode.of(healthScore, config);
        return new GateEvaluation(decision, risk, threshold, mode,
                new GateReasons(action, decision, risk, threshold, mode, healthScore, config), healthScore);
    }
}
