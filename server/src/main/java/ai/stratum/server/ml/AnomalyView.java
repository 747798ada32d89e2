package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.anomaly.AnomalyMethod;
import ai.stratum.server.ml.anomaly.AnomalyMetric;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored anomaly, as {@code anomalies} lists it and {@code anomalyDetected} announces it.
 *
 * @param currency the campaign's currency, for money metrics (spend, CPA)
 */
@Serdeable
record AnomalyView(Platform platform, String campaignId, LocalDate date, AnomalyMetric metric, AnomalyMethod method, double score,
                   double value, double expected, String currency, Instant detectedAt) {
}
