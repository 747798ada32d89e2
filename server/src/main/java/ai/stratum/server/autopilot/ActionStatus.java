package ai.stratum.server.autopilot;

/** Where an action stands. EXECUTING is claimed by exactly one executor; the rest are resting states. */
public enum ActionStatus {
    PENDING_APPROVAL,
    EXECUTING,
    EXECUTED,
    FAILED,
    BLOCKED,
    REJECTED,
    DRY_RUN
}
