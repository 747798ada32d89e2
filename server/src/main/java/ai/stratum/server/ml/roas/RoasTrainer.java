package ai.stratum.server.ml.roas;

import ai.stratum.server.ml.training.HoldoutSplit;
import ai.stratum.server.ml.training.RegressionMetrics;
import ai.stratum.server.ml.training.SplitConformal;
import ai.stratum.server.ml.training.TrainingProgress;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;

/**
 * Seed 001's {@code train_roas_model}: an XGBoost regressor with the seed's settings (100 trees of depth 6,
 * learning rate 0.1, squared error), trained and tested on an 80/20 split with a fixed seed, and an 80 %
 * prediction interval calibrated by split conformal prediction.
 *
 * <p>The 80 % the seed trains on is split again, 75/25 with another fixed seed: the trees are fitted on
 * the first part and the interval calibrated on the second, which the trees never saw — a conformal
 * interval is only valid on such rows. So the trees see 60 % of all rows, the calibration 20 % and the
 * test 20 %; the model stored is exactly the one the test measured.
 */
public final class RoasTrainer {

    /** Seed of the fit/calibration split, distinct from the seed's 42 so the two splits do not align. */
    static final long CALIBRATION_SEED = 43;
    static final double CALIBRATION_SHARE = 0.25;
    /** Fewer rows cannot be split three ways with a calibration set worth the name. */
    public static final int MIN_ROWS = 20;

    private final Settings settings;

    public RoasTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * How the trees are grown.
     *
     * @param rounds       trees
     * @param maxDepth     deepest a tree may grow
     * @param learningRate shrinkage of each tree's contribution
     * @param threads      threads XGBoost may train with
     * @param coverage     the prediction interval's coverage
     */
    public record Settings(int rounds, int maxDepth, double learningRate, int threads, double coverage) {

        /** The seed's {@code XGBRegressor(n_estimators=100, max_depth=6, learning_rate=0.1)}, one thread, 80 %. */
        public static final Settings SEED = new Settings(100, 6, 0.1, 1, 0.8);

        public Settings {
            if (rounds < 1 || maxDepth < 1 || !(learningRate > 0 && learningRate <= 1) || threads < 1
                    || !(coverage > 0 && coverage < 1)) {
                throw new IllegalArgumentException("invalid ROAS training settings");
            }
        }

        /** @return the same with another number of threads */
        public Settings withThreads(int count) {
            return new Settings(rounds, maxDepth, learningRate, count, coverage);
        }
    }

    /**
     * The seed's procedure: 80/20 split, fit and calibrate on the 80 %, measure on the 20 %.
     *
     * @param data     every row
     * @param progress told of each tree
     * @return the model and its test metrics
     */
    public RoasTraining train(RoasDataset data, TrainingProgress progress) {
        if (data.rows() < MIN_ROWS * 5 / 4) {
            throw new IllegalArgumentException("ROAS training needs at least " + MIN_ROWS * 5 / 4 + " rows, got " + data.rows());
        }
        HoldoutSplit split = HoldoutSplit.seeded(data.rows());
        RoasDataset test = data.subset(split.test());
        Fitted fitted = fit(data.subset(split.train()), progress);
        progress.report("evaluating", 0.95);
        RoasEvaluation evaluation = evaluate(fitted.model(), test);
        return new RoasTraining(fitted.model(), evaluation, fitted.fitRows(), fitted.calibrationRows());
    }

    /**
     * Fits the trees on 75 % of the rows and calibrates the interval on the rest.
     *
     * @param data     the training rows
     * @param progress told of each tree
     * @return the model
     */
    public Fitted fit(RoasDataset data, TrainingProgress progress) {
        if (data.rows() < MIN_ROWS) {
            throw new IllegalArgumentException("ROAS training needs at least " + MIN_ROWS + " rows, got " + data.rows());
        }
        HoldoutSplit split = HoldoutSplit.of(data.rows(), CALIBRATION_SHARE, CALIBRATION_SEED);
        RoasDataset fit = data.subset(split.train());
        RoasDataset calibration = data.subset(split.test());
        Booster booster = grow(fit, progress);
        RoasModel uncalibrated = new RoasModel(booster, 0, settings.coverage());
        double[] predicted = uncalibrated.predictRows(calibration.features(), calibration.rows());
        double[] scores = new double[calibration.rows()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.abs(calibration.labels()[i] - predicted[i]) / RoasModel.scale(predicted[i]);
        }
        double quantile = SplitConformal.quantile(scores, settings.coverage());
        return new Fitted(new RoasModel(booster, quantile, settings.coverage()), fit.rows(), calibration.rows());
    }

    /**
     * @param model a model
     * @param test  rows it did not see
     * @return MAE, RMSE, R² and how often the interval held the actual ROAS
     */
    public static RoasEvaluation evaluate(RoasModel model, RoasDataset test) {
        double[] predicted = model.predictRows(test.features(), test.rows());
        double[] actual = test.labelValues();
        int covered = 0;
        double width = 0;
        for (int i = 0; i < predicted.length; i++) {
            double half = model.halfWidth(predicted[i]);
            double lower = Math.max(0, predicted[i] - half);
            double upper = predicted[i] + half;
            covered += actual[i] >= lower && actual[i] <= upper ? 1 : 0;
            width += upper - lower;
        }
        return new RoasEvaluation(RegressionMetrics.of(actual, predicted), (double) covered / predicted.length,
                width / predicted.length, predicted);
    }

    private Booster grow(RoasDataset fit, TrainingProgress progress) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "reg:squarederror");
        parameters.put("max_depth", settings.maxDepth());
        parameters.put("eta", settings.learningRate());
        parameters.put("tree_method", "hist");
        parameters.put("nthread", settings.threads());
        parameters.put("seed", 42);
        parameters.put("verbosity", 0);
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(fit.features(), fit.rows(), RoasEncoding.WIDTH, Float.NaN);
            matrix.setLabel(fit.labels());
            Booster booster = XGBoost.train(matrix, parameters, 0, Map.of(), null, null);
            for (int round = 0; round < settings.rounds(); round++) {
                booster.update(matrix, round);
                progress.report("training", 0.05 + 0.85 * (round + 1) / settings.rounds());
            }
            return booster;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /**
     * @param model           the calibrated model
     * @param fitRows         rows the trees were fitted on
     * @param calibrationRows rows the interval was calibrated on
     */
    public record Fitted(RoasModel model, int fitRows, int calibrationRows) {
    }
}
