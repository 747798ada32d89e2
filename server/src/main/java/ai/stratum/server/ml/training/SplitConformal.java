package ai.stratum.server.ml.training;

import java.util.Arrays;

/**
 * Split-conformal calibration: from the nonconformity scores of rows the model was not fitted on, the
 * score that a new row's will stay under with the wanted probability. For exchangeable rows the interval
 * built from it covers the truth at least that often, whatever the model, which is what seed 001's
 * per-estimator percentiles were meant to give (an XGBoost regressor has no {@code estimators_}).
 */
public final class SplitConformal {

    private SplitConformal() {
    }

    /**
     * The {@code ⌈(n + 1) × coverage⌉}-th smallest score: the finite-sample correction that makes the
     * guarantee exact rather than approximate.
     *
     * @param scores   nonconformity scores of the calibration rows, each at least 0
     * @param coverage the wanted coverage, between 0 and 1 exclusive
     * @return that score; infinite when there are too few rows for the coverage asked
     */
    public static double quantile(double[] scores, double coverage) {
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1): " + coverage);
        }
        int n = scores.length;
        int rank = (int) Math.ceil((n + 1) * coverage);
        if (rank > n) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return sorted[rank - 1];
    }
}
