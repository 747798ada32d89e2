package ai.stratum.plugin.api;

/**
 * The changes Stratum can make on an ad platform. A connector lists the ones it executes in
 * {@link ConnectorDescriptor#supportedActions()}; the host only sends those to its
 * {@link ActionExecutor}.
 *
 * <p>The type records the intent (for the audit log and the trust gate's risk level); the
 * {@link Change} in the request always carries the absolute target, so executing it twice leaves
 * the platform in the same state.
 */
public enum ActionType {
    /** Set a budget to a new amount ({@link Change.SetBudget}). */
    UPDATE_BUDGET,
    /** Raise a budget; the request carries the raised amount ({@link Change.SetBudget}). */
    INCREASE_BUDGET,
    /** Lower a budget; the request carries the lowered amount ({@link Change.SetBudget}). */
    REDUCE_BUDGET,
    /** Set a bid to a new amount ({@link Change.SetBid}). */
    UPDATE_BID,
    /** Raise a bid; the request carries the raised amount ({@link Change.SetBid}). */
    INCREASE_BID,
    /** Lower a bid; the request carries the lowered amount ({@link Change.SetBid}). */
    REDUCE_BID,
    /** Set the delivery status of entities ({@link Change.SetStatus}). */
    UPDATE_STATUS,
    /** Pause the entities Stratum judged to underperform, each a {@link Change.SetStatus} to PAUSED. */
    PAUSE_UNDERPERFORMING,
    /** Pause every active campaign of the account: one {@link Change.SetStatus} to PAUSED on the ACCOUNT. */
    PAUSE_ALL
}
