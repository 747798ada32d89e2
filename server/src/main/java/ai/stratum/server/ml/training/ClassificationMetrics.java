package ai.stratum.server.ml.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Seed 001's classification metrics over a test set, as scikit-learn computes them: {@code roc_auc_score}
 * on the predicted probabilities, and {@code precision_score} / {@code recall_score} of the predicted
 * class, which is "converts" when the probability is above one half ({@code predict} takes the larger
 * class probability, the first on a tie). A ratio whose denominator is zero is 0, scikit-learn's
 * {@code zero_division} default.
 *
 * @param auc       area under the ROC curve: the chance that a random converting row is scored above a
 *                  random non-converting one, ties counting half; NaN when the test set holds one class only
 * @param precision of the rows predicted to convert, the share that did
 * @param recall    of the rows that converted, the share predicted to
 * @param rows      test rows
 * @param positives test rows that converted
 */
public record ClassificationMetrics(double auc, double precision, double recall, int rows, int positives) {

    /** The probability a row must exceed to be predicted to convert. */
    public static final double THRESHOLD = 0.5;

    /**
     * @param actual      whether each row converted
     * @param probability each row's predicted conversion probability, in the same order
     * @return the metrics
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static ClassificationMetrics of(boolean[] actual, double[] probability) {
        if (actual.length != probability.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as labels, at least one: "
                    + actual.length + " vs " + probability.length);
        }
        int truePositives = 0;
        int predictedPositives = 0;
        int positives = 0;
        for (int i = 0; i < actual.length; i++) {
            boolean predicted = probability[i] > THRESHOLD;
            positives += actual[i] ? 1 : 0;
            predictedPositives += predicted ? 1 : 0;
            truePositives += predicted && actual[i] ? 1 : 0;
        }
        double precision = predictedPositives == 0 ? 0 : (double) truePositives / predictedPositives;
        double recall = positives == 0 ? 0 : (double) truePositives / positives;
        return new ClassificationMetrics(auc(actual, probability), precision, recall, actual.length, positives);
    }

    /**
     * The Mann-Whitney form of the ROC AUC: ranks the scores (tied scores share their mean rank), sums the
     * positives' ranks, and compares that with the smallest sum possible.
     */
    static double auc(boolean[] actual, double[] score) {
        int n = actual.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]]) {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
