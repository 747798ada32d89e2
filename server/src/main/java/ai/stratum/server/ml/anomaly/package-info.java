/**
 * Anomalies in a campaign's daily metrics (spend, conversions, CPA, ROAS, CTR):
 * {@link ai.stratum.server.ml.anomaly.CampaignAnomalyDetector} judges each day with the trust engine's
 * z-score test, metric by metric, and with Smile's isolation forest, the metrics together.
 *
 * <p>Plain Java with no framework types.
 */
package ai.stratum.server.ml.anomaly;
