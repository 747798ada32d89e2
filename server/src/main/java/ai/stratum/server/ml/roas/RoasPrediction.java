package ai.stratum.server.ml.roas;

import java.util.Objects;

/**
 * Seed 001's ROAS-predictor output, its keys in camelCase.
 *
 * @param predictedRoas    the predicted ROAS of the day asked about, at least 0
 * @param confidenceLower  lower end of the 80 % prediction interval, at least 0; null when the model answering
 *                         gives no interval (a Vertex AI endpoint that returns a bare value)
 * @param confidenceUpper  upper end; null exactly when the lower end is
 * @param trend            the campaign's trend
 * @param recommendation   what to do about its budget, in one sentence
 */
public record RoasPrediction(double predictedRoas, Double confidenceLower, Double confidenceUpper, RoasTrend trend,
                             String recommendation) {

    public RoasPrediction {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(recommendation, "recommendation");
        if ((confidenceLower == null) != (confidenceUpper == null)) {
            throw new IllegalArgumentException("an interval needs both bounds");
        }
    }

    /**
     * @param features  what was predicted from
     * @param predicted the model's ROAS, floored at 0 here
     * @param lower     the interval's lower bound, or null without an interval
     * @param upper     its upper bound, or null
     * @return the prediction with the campaign's trend and the recommendation they lead to
     */
    public static RoasPrediction of(RoasFeatures features, double predicted, Double lower, Double upper) {
        double roas = Math.max(0, predicted);
        RoasTrend trend = RoasTrend.of(features.historicalRoas7d(), features.historicalRoas30d());
        return new RoasPrediction(roas, lower == null ? null : Math.max(0, lower), upper, trend,
                RoasRecommendation.of(roas, features, trend));
    }
}
