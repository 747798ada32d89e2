package ai.stratum.server.autopilot;

import ai.stratum.server.trust.RiskLevel;
import ai.stratum.server.trust.TrustGateConfig;

import java.math.BigDecimal;
import java.util.Locale;
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
        return Optional.of("Signal health fell to " + scoreBelow(score, needed) + " before execution, below the "
                + oneDecimal(needed) + " this action needs; not executed");
    }

    /** One decimal, unless that would print a score just below what is needed as the same number (59.99 as 60.0). */
    private static String scoreBelow(double score, double needed) {
        String rounded = oneDecimal(score);
        return rounded.equals(oneDecimal(needed)) && Double.isFinite(score)
                ? BigDecimal.valueOf(score).toPlainString()
                : rounded;
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
