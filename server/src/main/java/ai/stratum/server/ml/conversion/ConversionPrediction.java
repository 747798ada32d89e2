package ai.stratum.server.ml.conversion;

import java.util.List;

/**
 * Seed 001's conversion-predictor output, its keys in camelCase.
 *
 * @param conversionProbability the probability the session converts
 * @param confidence            the probability of the more likely outcome, {@code max(p, 1 - p)}, as the seed
 *                              computes it
 * @param topFactors            the five inputs that moved this prediction most, largest absolute impact first
 */
public record ConversionPrediction(double conversionProbability, double confidence, List<ConversionFactor> topFactors) {

    public ConversionPrediction {
        topFactors = List.copyOf(topFactors);
    }
}
