package ai.stratum.server.ml.conversion;

/**
 * A conversion model trained by seed 001's procedure, with its test results.
 *
 * @param model        the model
 * @param test         how it did on the held-out 20 %
 * @param trainingRows rows it was fitted on
 */
public record ConversionTraining(ConversionModel model, ConversionEvaluation test, int trainingRows) {
}
