/**
 * The trust gate of seed 002: whether an automated action may execute given the signal health of
 * the account it touches.
 *
 * <p>Each {@link ai.stratum.server.trust.ActionType} has a {@link ai.stratum.server.trust.RiskLevel}
 * with a threshold ({@link ai.stratum.server.trust.TrustGateConfig}: high-risk 80, standard 70,
 * conservative 60, always-allowed any). The {@link ai.stratum.server.trust.TrustGate} passes an
 * action at or above its threshold, holds it for approval at or above the hold threshold (40), and
 * blocks it below. The {@link ai.stratum.server.trust.AutopilotMode} decides which actions the
 * autopilot may propose in the first place.
 *
 * <p>Plain Java with no framework types, allocation-light on the evaluation path.
 */
package ai.stratum.server.trust;
