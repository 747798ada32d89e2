package ai.stratum.server.ml.conversion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Seed 001's conversion-predictor output, its keys in camelCase.
 *
 * @param conversionProbability the probability the session converts
 * @param confidence            the probability of the more likely outcome, {@code max(p, 1 - p)}, as the seed
 *                              computes it
 * @param topFactors            the five inputs that moved this prediction most, largest absolute impact first;
 *                              empty when the model answering gives no contributions (a Vertex AI endpoint)
 */
public record ConversionPrediction(double conversionProbability, double confidence, List<ConversionFactor> topFactors) {

    public ConversionPrediction {
        topFactors = List.copyOf(topFactors);
    }

    /** How many factors a prediction lists, as the seed's {@code factors[:5]}. */
    public static final int TOP_FACTORS = 5;

    /**
     * @param session       what was predicted from
     * @param probability   the model's probability of converting
     * @param contributions each input's contribution, in {@link SessionEncoding}'s order; empty when unknown
     * @return the prediction, with the seed's confidence and the inputs that moved it most
     */
    public static ConversionPrediction of(SessionFeatures session, double probability, List<Double> contributions) {
        double[] row = SessionEncoding.encode(session);
        List<ConversionFactor> factors = new ArrayList<>(contributions.size());
        for (int i = 0; i < contributions.size(); i++) {
            factors.add(new ConversionFactor(SessionEncoding.COLUMNS.get(i), contributions.get(i), SessionEncoding.display(i, row[i])));
        }
        factors.sort(Comparator.comparingDouble((ConversionFactor f) -> Math.abs(f.impact())).reversed());
        return new ConversionPrediction(probability, Math.max(probability, 1 - probability),
                factors.subList(0, Math.min(TOP_FACTORS, factors.size())));
    }
}
