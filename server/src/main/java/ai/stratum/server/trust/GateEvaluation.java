package ai.stratum.server.trust;

import java.util.List;
import java.util.Objects;

/**
 * What the trust gate decided for one action and why.
 *
 * @param decision      PASS, HOLD or BLOCK
 * @param riskLevel     the action's risk level
 * @param threshold     the score the action needed to pass (0 for always-allowed actions)
 * @param autopilotMode the autopilot mode at the score
 * @param reasons       human-readable lines: the decision's, then the autopilot mode's
 * @param score         the signal health the action was judged at
 */
public record GateEvaluation(GateDecision decision, RiskLevel riskLevel, double threshold,
                             AutopilotMode autopilotMode, List<String> reasons, double score) {

    /**
     * Copies the reasons, except the gate's own immutable reasons, whose text is built only when read:
     * most evaluations on the autopilot's path are never shown to anyone.
     */
    public GateEvaluation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(autopilotMode, "autopilotMode");
        reasons = reasons instanceof GateReasons ? reasons : List.copyOf(reasons);
    }

    /** @return whether the action may execute now */
    public boolean passed() {
        return decision == GateDecision.PASS;
    }
}
