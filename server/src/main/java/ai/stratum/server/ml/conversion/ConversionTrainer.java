package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.training.ClassificationMetrics;
import ai.stratum.server.ml.training.HoldoutSplit;
import ai.stratum.server.ml.training.TrainingProgress;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Seed 001's conversion predictor, trained: gradient-boosted trees with the seed's settings (100 trees of
 * depth 5, learning rate 0.1, every row in every tree as scikit-learn's default), on an 80/20 split with a
 * fixed seed, measured by AUC, precision and recall on the 20 %.
 *
 * <p>Smile fits all trees in one call with no way to watch them, so progress moves only between stages.
 */
public final class ConversionTrainer {

    /** Too few rows, or too few of either outcome, and the trees learn nothing worth a score. */
    public static final int MIN_ROWS = 50;
    static final String LABEL = "converted";

    private final Settings settings;

    public ConversionTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * How the trees are grown.
     *
     * @param trees        how many
     * @param maxDepth     deepest a tree may grow
     * @param maxLeaves    most leaves a tree may have
     * @param minLeafRows  fewest rows a leaf may hold
     * @param learningRate shrinkage of each tree's contribution
     * @param subsample    share of rows each tree is grown on
     */
    public record Settings(int trees, int maxDepth, int maxLeaves, int minLeafRows, double learningRate,
                           double subsample) {

        /**
         * The seed's {@code GradientBoostingClassifier(n_estimators=100, max_depth=5, learning_rate=0.1)}:
         * up to 32 leaves, all rows per tree. Leaves keep at least 5 rows (scikit-learn allows 1): Smile's
         * leaf value is a Newton step, which a one-row leaf can blow up.
         */
        public static final Settings SEED = new Settings(100, 5, 32, 5, 0.1, 1.0);

        public Settings {
            if (trees < 1 || maxDepth < 1 || maxLeaves < 2 || minLeafRows < 1 || !(learningRate > 0 && learningRate <= 1)
                    || !(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("invalid conversion training settings");
            }
            if (maxDepth > FlatTree.MAX_DEPTH) {
                throw new IllegalArgumentException("conversion trees are at most " + FlatTree.MAX_DEPTH
                        + " deep (each leaf's TreeSHAP credits are kept for every pattern of its path): " + maxDepth);
            }
        }
    }

    /**
     * The seed's procedure: 80/20 split, fit on the 80 %, measure on the 20 %.
     *
     * @param data     every row
     * @param progress told between stages
     * @return the model and its test metrics
     */
    public ConversionTraining train(SessionDataset data, TrainingProgress progress) {
        HoldoutSplit split = HoldoutSplit.seeded(requireEnough(data).rows());
        SessionDataset train = data.subset(split.train());
        SessionDataset test = data.subset(split.test());
        ConversionModel model = fit(train, progress);
        progress.report("evaluating", 0.95);
        return new ConversionTraining(model, evaluate(model, test), train.rows());
    }

    /**
     * @param data     the training rows
     * @param progress told between stages
     * @return the model fitted on all of them
     */
    public ConversionModel fit(SessionDataset data, TrainingProgress progress) {
        requireEnough(data);
        int positives = data.positives();
        if (positives == 0 || positives == data.rows()) {
            throw new IllegalArgumentException("conversion training needs sessions that converted and sessions that did not");
        }
        progress.report("training", 0.1);
        int[] y = new int[data.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.labels()[i] ? 1 : 0;
        }
        DataFrame frame = DataFrame.of(data.features(), SessionEncoding.COLUMNS.toArray(String[]::new))
                .merge(IntVector.of(LABEL, y));
        GradientTreeBoost boost = GradientTreeBoost.fit(Formula.lhs(LABEL), frame, settings.trees(), settings.maxDepth(),
                settings.maxLeaves(), settings.minLeafRows(), settings.learningRate(), settings.subsample());
        progress.report("training", 0.9);
        // Smile's intercept for ±1 labels: half the log of the odds of converting in the training rows
        double intercept = 0.5 * Math.log((double) positives / (data.rows() - positives));
        ConversionModel model = new ConversionModel(boost, intercept, settings.learningRate());
        model.requireAgreesWithSmile(data.features()[0]);
        return model;
    }

    /**
     * @param model a model
     * @param test  rows it did not see
     * @return AUC, precision and recall, and each row's probability in row order
     */
    public static ConversionEvaluation evaluate(ConversionModel model, SessionDataset test) {
        double[] probabilities = new double[test.rows()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = model.probabilityOf(test.features()[i]);
        }
        return new ConversionEvaluation(ClassificationMetrics.of(test.labels(), probabilities), probabilities);
    }

    private static SessionDataset requireEnough(SessionDataset data) {
        if (data.rows() < MIN_ROWS) {
            throw new IllegalArgumentException("conversion training needs at least " + MIN_ROWS + " rows, got " + data.rows());
        }
        return data;
    }
}
