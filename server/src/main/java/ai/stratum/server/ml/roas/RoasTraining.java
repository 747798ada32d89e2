package ai.stratum.server.ml.roas;

/**
 * A ROAS model trained by seed 001's procedure, with its test results.
 *
 * @param model           the model
 * @param test            how it did on the held-out 20 %
 * @param fitRows         rows the trees were fitted on
 * @param calibrationRows rows the interval was calibrated on
 */
public record RoasTraining(RoasModel model, RoasEvaluation test, int fitRows, int calibrationRows) {

    /** @return rows used in training: fitted on plus calibrated on */
    public int trainingRows() {
        return fitRows + calibrationRows;
    }
}
