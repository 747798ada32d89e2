package ai.stratum.server.autopilot;

/**
 * What a {@code trust_gate_audit_log} row records. The seed's execute / hold / block are the
 * gate's decisions; the rest are what happened afterwards and who did it.
 */
public enum AuditDecisionType {
    EXECUTE,
    HOLD,
    BLOCK,
    DRY_RUN,
    APPROVE,
    REJECT,
    OVERRIDE,
    EXECUTED,
    FAILED,
    EMERGENCY_STOP,
    RESUME
}
