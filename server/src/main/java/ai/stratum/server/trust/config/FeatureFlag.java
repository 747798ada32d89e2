package ai.stratum.server.trust.config;

/**
 * The seed's trust-engine feature flags, per tenant, all on unless a TENANT_ADMIN turns one off.
 * <ul>
 *   <li>{@code SIGNAL_HEALTH}: health is computed and shown. Off, the health queries answer
 *       UNAVAILABLE and the gate, having no score it can trust, judges every account at 0, so only
 *       always-allowed actions pass.</li>
 *   <li>{@code SIGNAL_HEALTH_HISTORY}: daily history rows are written and readable.</li>
 *   <li>{@code ATTRIBUTION_VARIANCE}: platform and analytics revenue are compared. Off, the
 *       revenue figures are ignored, as if none had been sent.</li>
 *   <li>{@code TRUST_AUDIT_LOGS}: gate decisions that change nothing (held, blocked, dry runs)
 *       are written to the audit log. Executions and every human step are written regardless:
 *       what changed a platform must always be traceable.</li>
 * </ul>
 */
public enum FeatureFlag {
    SIGNAL_HEALTH,
    SIGNAL_HEALTH_HISTORY,
    ATTRIBUTION_VARIANCE,
    TRUST_AUDIT_LOGS
}
