package ai.stratum.server.ml.roas;

import java.util.Objects;

/**
 * Seed 001's ROAS-predictor output, its keys in camelCase.
 *
 * @param predictedRoas    the predicted ROAS of the day asked about, at least 0
 * @param confidenceLower  lower end of the 80 % prediction interval, at least 0
 * @param confidenceUpper  upper end
 * @param trend            the campaign's trend
 * @param recommendation   what to do about its budget, in one sentence
 */
public record RoasPrediction(double predictedRoas, double confidenceLower, double confidenceUpper, RoasTrend trend,
                             String recommendation) {

    public RoasPrediction {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(recommendation, "recommendation");
    }
}
