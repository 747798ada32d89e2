/**
 * Signal health: how far the data behind an ad account can be trusted, as seed 002 computes it.
 *
 * <p>A {@link ai.stratum.server.signals.health.SignalSnapshot} (what the collectors know about one
 * account) goes through the {@link ai.stratum.server.signals.health.SignalHealthCalculator}: four
 * components (EMQ 40 %, freshness 25 %, variance 20 %, anomaly 15 %, plus CDP identity quality
 * with proportional redistribution) give an overall score from 0 to 100 and a
 * {@link ai.stratum.server.signals.health.HealthStatus}. The
 * {@link ai.stratum.server.signals.health.HealthAggregator} rolls accounts up to a platform or a
 * tenant. Every threshold and weight is a {@link ai.stratum.server.signals.health.TrustSettings}
 * value, read from the seed's {@code TRUST_*} variables.
 *
 * <p>Plain Java with no framework types: persistence and GraphQL call in from the edges.
 */
package ai.stratum.server.signals.health;
