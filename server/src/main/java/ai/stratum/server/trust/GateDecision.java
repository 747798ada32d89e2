package ai.stratum.server.trust;

/** What the trust gate decides for an action (seed 002's {@code GateDecision}). */
public enum GateDecision {
    /** Health meets the action's threshold: execute. */
    PASS,
    /** Below the action's threshold but at or above the hold threshold: queue for human approval. */
    HOLD,
    /** Below the hold threshold: refuse; only a human override executes it. */
    BLOCK
}
