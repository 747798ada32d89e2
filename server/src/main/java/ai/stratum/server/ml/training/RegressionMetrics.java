package ai.stratum.server.ml.training;

/**
 * Seed 001's regression metrics over a test set, computed as scikit-learn does: {@code mean_absolute_error},
 * the square root of {@code mean_squared_error}, and {@code r2_score} (1 − residual sum of squares / total
 * sum of squares; with a constant actual it is 1 for a perfect prediction and 0 otherwise).
 *
 * @param mae  mean absolute error
 * @param rmse root mean squared error
 * @param r2   coefficient of determination
 * @param rows how many rows they were computed over
 */
public record RegressionMetrics(double mae, double rmse, double r2, int rows) {

    /**
     * @param actual    the true values
     * @param predicted the predictions, in the same order
     * @return the metrics
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static RegressionMetrics of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many predictions as actual values, at least one: "
                    + actual.length + " vs " + predicted.length);
        }
        int n = actual.length;
        double mean = 0;
        for (double y : actual) {
            mean += y;
        }
        mean /= n;
        double absolute = 0;
        double squared = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            absolute += Math.abs(error);
            squared += error * error;
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        double r2 = total == 0 ? (squared == 0 ? 1 : 0) : 1 - squared / total;
        return new RegressionMetrics(absolute / n, Math.sqrt(squared / n), r2, n);
    }
}
