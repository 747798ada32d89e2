package ai.stratum.server.ml.roas;

import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelType;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A trained ROAS predictor: an XGBoost regressor over {@link RoasEncoding}'s columns, and the width of its
 * 80 % prediction interval, calibrated by split conformal prediction on rows the trees never saw.
 *
 * <p>The interval is relative: a day's ROAS varies in proportion to its level (conversions and order
 * values are noisy multiplicatively), so the calibration scores are the absolute errors divided by
 * {@code max(prediction, SCALE_FLOOR)}, and the interval is the prediction ± that quantile times the
 * same scale, cut at 0. The floor keeps near-zero predictions, whose relative errors are huge, from
 * dominating the calibration.
 *
 * <p>Thread-safe: XGBoost's in-place prediction may be called from many threads at once.
 */
public final class RoasModel {

    /** Below this predicted ROAS the interval's scale stops shrinking. */
    public static final double SCALE_FLOOR = 0.5;
    static final String INTERVAL_QUANTILE = "intervalQuantile";
    static final String COVERAGE = "intervalCoverage";

    private final Booster booster;
    private final double intervalQuantile;
    private final double coverage;

    RoasModel(Booster booster, double intervalQuantile, double coverage) {
        this.booster = booster;
        this.intervalQuantile = intervalQuantile;
        this.coverage = coverage;
        try {
            // one row at a time: threads would cost more to start than the trees take to walk
            booster.setParam("nthread", 1);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost refused nthread=1", e);
        }
    }

    /**
     * @param features a campaign's features
     * @return the prediction, its interval, the trend and the recommendation
     */
    public RoasPrediction predict(RoasFeatures features) {
        double predicted = predictRows(RoasEncoding.encode(features), 1)[0];
        double halfWidth = halfWidth(predicted);
        return RoasPrediction.of(features, predicted, predicted - halfWidth, predicted + halfWidth);
    }

    /**
     * @param rows encoded rows, row-major
     * @param n    how many
     * @return each row's predicted ROAS, at least 0
     */
    public double[] predictRows(float[] rows, int n) {
        float[][] raw;
        try {
            raw = booster.inplace_predict(rows, n, RoasEncoding.WIDTH, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed", e);
        }
        double[] predictions = new double[n];
        for (int i = 0; i < n; i++) {
            predictions[i] = Math.max(0, raw[i][0]);
        }
        return predictions;
    }

    /** @return half the interval's width around a prediction */
    public double halfWidth(double predicted) {
        return intervalQuantile * scale(predicted);
    }

    /** @return the scale a prediction's error is measured in for the interval */
    static double scale(double predicted) {
        return Math.max(predicted, SCALE_FLOOR);
    }

    /** @return the coverage the interval was calibrated for, such as 0.8 */
    public double coverage() {
        return coverage;
    }

    /** @return the stored form: the trees as XGBoost's UBJSON, the interval's calibration beside them */
    public ModelArtifact toArtifact() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(INTERVAL_QUANTILE, String.format(Locale.ROOT, "%.17g", intervalQuantile));
        properties.put(COVERAGE, String.format(Locale.ROOT, "%.17g", coverage));
        try {
            return new ModelArtifact(ModelType.ROAS, RoasEncoding.VERSION, properties, booster.toByteArray("ubj"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not serialise the model", e);
        }
    }

    /**
     * @param artifact what {@link #toArtifact()} made
     * @return the model
     * @throws IllegalArgumentException when it is not a ROAS model of this encoding
     */
    public static RoasModel fromArtifact(ModelArtifact artifact) {
        if (artifact.type() != ModelType.ROAS || artifact.encodingVersion() != RoasEncoding.VERSION) {
            throw new IllegalArgumentException("not a ROAS model of encoding " + RoasEncoding.VERSION + ": "
                    + artifact.type() + " encoding " + artifact.encodingVersion());
        }
        try {
            Booster booster = XGBoost.loadModel(artifact.payload());
            return new RoasModel(booster, Double.parseDouble(artifact.property(INTERVAL_QUANTILE)),
                    Double.parseDouble(artifact.property(COVERAGE)));
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("XGBoost could not read the ROAS model", e);
        }
    }
}
