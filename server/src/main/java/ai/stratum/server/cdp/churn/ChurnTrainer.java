package ai.stratum.server.cdp.churn;

import ai.stratum.server.ml.training.ClassificationMetrics;
import ai.stratum.server.ml.training.HoldoutSplit;
import ai.stratum.server.ml.training.InsufficientDataException;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.time.Instant;
import java.util.List;

/**
 * Trains a churn model as the ML engine trains seed 001's conversion model: gradient-boosted trees on
 * the seeded 80/20 {@link HoldoutSplit}, measured by {@link ClassificationMetrics} (ROC AUC, precision,
 * recall) on the held-out 20 %. A row is a profile's activity up to a cutoff; its label is whether it
 * had no event in the window after the cutoff.
 */
public final class ChurnTrainer {

    /** Fewer profiles than this and a held-out AUC means little. */
    public static final int MIN_PROFILES = 50;
    /** Fewest profiles of each outcome (churned, stayed active). */
    public static final int MIN_PER_OUTCOME = 10;
    static final int TREES = 100;
    static final int MAX_DEPTH = 3;
    static final int MAX_LEAVES = 8;
    static final int MIN_LEAF_ROWS = 5;
    static final double LEARNING_RATE = 0.1;
    private static final String LABEL = "churned";

    private ChurnTrainer() {
    }

    /** A profile's activity before the cutoff and whether it churned after it. */
    public record Row(ChurnActivity activity, boolean churned) {
    }

    /** @param testAuc NaN when the held-out set held one outcome only */
    public record Training(ChurnModel model, ClassificationMetrics metrics, int trainingRows, double churnedShare) {
    }

    /**
     * @param rows    every eligible profile
     * @param cutoff  where activity ends and the label window begins
     * @param describe how to name the cutoff in an error, e.g. "2026-10-31 (30 days before the newest event)"
     * @throws InsufficientDataException naming what is missing
     */
    public static Training train(List<Row> rows, Instant cutoff, String describe) {
        long churned = rows.stream().filter(Row::churned).count();
        long active = rows.size() - churned;
        if (rows.size() < MIN_PROFILES) {
            throw new InsufficientDataException("Churn training needs at least " + MIN_PROFILES + " profiles with events before the cutoff "
                    + describe + "; this tenant has " + rows.size());
        }
        if (churned < MIN_PER_OUTCOME || active < MIN_PER_OUTCOME) {
            throw new InsufficientDataException("Churn training needs at least " + MIN_PER_OUTCOME + " profiles that churned (no event in "
                    + "the window after the cutoff " + describe + ") and " + MIN_PER_OUTCOME + " that stayed active; this tenant has "
                    + churned + " churned and " + active + " active");
        }
        HoldoutSplit split = HoldoutSplit.seeded(rows.size());
        double[][] x = new double[split.train().length][];
        int[] y = new int[split.train().length];
        for (int i = 0; i < x.length; i++) {
            Row row = rows.get(split.train()[i]);
            x[i] = row.activity().features(cutoff);
            y[i] = row.churned() ? 1 : 0;
        }
        DataFrame frame = DataFrame.of(x, ChurnActivity.FEATURES).merge(IntVector.of(LABEL, y));
        GradientTreeBoost boost = GradientTreeBoost.fit(Formula.lhs(LABEL), frame, TREES, MAX_DEPTH, MAX_LEAVES, MIN_LEAF_ROWS,
                LEARNING_RATE, 1.0);
        ChurnModel model = new ChurnModel(boost);
        boolean[] actual = new boolean[split.test().length];
        double[] probability = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            Row row = rows.get(split.test()[i]);
            actual[i] = row.churned();
            probability[i] = model.probability(row.activity().features(cutoff));
        }
        return new Training(model, ClassificationMetrics.of(actual, probability), x.length, (double) churned / rows.size());
    }
}
