package ai.stratum.server.ml.roas;

import ai.stratum.server.ml.training.RegressionMetrics;

/**
 * How a ROAS model did on rows it never saw.
 *
 * @param metrics           MAE, RMSE and R² of the predictions
 * @param intervalCoverage  share of rows whose actual ROAS lay inside the prediction interval
 * @param meanIntervalWidth mean width of those intervals, in ROAS
 * @param predictions       each row's prediction, in row order
 */
public record RoasEvaluation(RegressionMetrics metrics, double intervalCoverage, double meanIntervalWidth,
                             double[] predictions) {
}
