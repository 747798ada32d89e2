package ai.stratum.server.autopilot;

import ai.stratum.server.trust.RiskLevel;
import ai.stratum.server.trust.TrustGateConfig;

import java.util.Optional;

/**
 * The health check made at the moment of execution (the seed's signal_health_at_execution): an
 * action let through earlier does not run if the account's health has since fallen too far.
 */
enum ExecutionGuard {
    /** The gate passed it: health must still meet the action's own threshold. */
    GATE,
    /** A person approved a held action: health must still be at or above the hold threshold. */
    APPROVAL,
    /** A TENANT_ADMIN overrode the gate, with a reason on record: no health requirement. */
    OVERRIDE;

    Optional<String> refusal(StoredAction action, double score, TrustGateConfig gate) {
        RiskLevel risk = gate.riskOf(action.actionType());
        if (this == OVERRIDE || risk == RiskLevel.ALWAYS_ALLOWED) {
            return Optional.empty();
        }
        double needed = this == GATE ? gate.thresholdOf(risk) : gate.holdThreshold();
        if (score >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "Signal health fell to %.1f before execution, below the %.1f this action needs; not executed", score, needed));
    }
}
