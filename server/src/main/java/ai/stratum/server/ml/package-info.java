/**
 * The ML engine of seed 001. Pure calculators sit in their own packages, plain Java with no framework
 * types: {@code fatigue} (creative fatigue score), {@code eventquality} (event match quality of a
 * server-side conversion event), {@code simulation} (budget scenarios over a fitted response curve),
 * {@code forecast} (Holt-Winters forecasts of spend, revenue and ROAS) and {@code anomaly} (z-score and
 * isolation-forest anomalies of campaign days).
 *
 * <p>This package puts them to work for tenants: the GraphQL fields of {@code schema/ml.graphqls}
 * ({@link ai.stratum.server.ml.MlApiSchema}) and their services, which read the tenant's campaign history,
 * compute on the bounded {@code ml} executor and cache through {@code cache}; the anomaly scans after
 * syncs; and the scheduled jobs ({@link ai.stratum.server.ml.MlScheduler}). {@code inference} serves the
 * learned models, in process or from Vertex AI.
 */
package ai.stratum.server.ml;
