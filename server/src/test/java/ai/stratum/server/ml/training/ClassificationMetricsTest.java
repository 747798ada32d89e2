package ai.stratum.server.ml.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassificationMetricsTest {

    /**
     * Hand-computed. Labels 1 0 1 0 1, probabilities .9 .8 .4 .3 .6:
     * predicted positive above 0.5 → rows 1,2,5: TP 2 (rows 1, 5), FP 1 → precision 2/3; recall 2/3.
     * AUC: pairs (positive, negative) = 3 × 2 = 6; positive above negative: .9>.8, .9>.3, .4>.3, .6>.3 and
     * .4<.8, .6<.8 → 4/6.
     */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = ';', value = {
            "1 0 1 0 1; .9 .8 .4 .3 .6;   0.6666666667; 0.6666666667; 0.6666666667",
            // perfect ranking, threshold catches one of two positives
            "0 0 1 1;   .1 .2 .4 .9;      1;            1;            0.5",
            // ties between a positive and a negative count half: pairs (p.5,n.5)=.5, (p.5,n.1)=1,
            // (p.7,n.5)=1, (p.7,n.1)=1 → 3.5/4; 0.5 is not above the threshold
            "1 0 1 0;   .5 .5 .7 .1;      0.875;        1;            0.5",
            // nothing predicted positive: precision and recall are 0, scikit-learn's zero_division
            "1 0;       .4 .2;            1;            0;            0",
            // every probability equal: AUC one half
            "1 0 1 0;   .3 .3 .3 .3;      0.5;          0;            0",
    })
    void computesAucPrecisionAndRecallAsScikitLearnDoes(String labels, String probabilities, double auc,
                                                        double precision, double recall) {
        ClassificationMetrics metrics = ClassificationMetrics.of(booleans(labels), RegressionMetricsTest.numbers(probabilities));

        assertThat(metrics.auc()).isCloseTo(auc, within(1e-9));
        assertThat(metrics.precision()).isCloseTo(precision, within(1e-9));
        assertThat(metrics.recall()).isCloseTo(recall, within(1e-9));
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertThat(ClassificationMetrics.of(new boolean[] {true, true}, new double[] {.2, .9}).auc()).isNaN();
    }

    @Test
    void countsRowsAndPositives() {
        ClassificationMetrics metrics = ClassificationMetrics.of(booleans("1 0 0 1 1"), new double[5]);

        assertThat(metrics.rows()).isEqualTo(5);
        assertThat(metrics.positives()).isEqualTo(3);
    }

    static boolean[] booleans(String text) {
        String[] parts = text.trim().split("\\s+");
        boolean[] values = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = "1".equals(parts[i]);
        }
        return values;
    }
}
