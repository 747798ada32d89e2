package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.training.ClassificationMetrics;

/**
 * How a conversion model did on rows it never saw.
 *
 * @param metrics       AUC, precision and recall
 * @param probabilities each row's predicted probability, in row order
 */
public record ConversionEvaluation(ClassificationMetrics metrics, double[] probabilities) {
}
