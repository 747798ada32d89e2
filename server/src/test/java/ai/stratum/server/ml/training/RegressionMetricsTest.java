package ai.stratum.server.ml.training;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RegressionMetricsTest {

    /**
     * Hand-computed. For actual 3,5,2,7 and predicted 2.5,5,4,8: errors 0.5,0,-2,-1 → MAE 3.5/4 = 0.875;
     * squares 0.25,0,4,1 → MSE 1.3125, RMSE 1.1456439237; mean 4.25, total sum of squares
     * 1.5625+0.5625+5.0625+7.5625 = 14.75 → R² = 1 - 5.25/14.75 = 0.6440677966.
     */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = ';', value = {
            "3 5 2 7;      2.5 5 4 8;   0.875; 1.1456439237; 0.6440677966",
            "1 2 3;        1 2 3;       0;     0;            1",
            // predicting the mean scores R² 0; errors -1,0,1
            "1 2 3;        2 2 2;       0.6666666667; 0.8164965809; 0",
            // worse than the mean: errors -2,0,2 → SSE 8 vs total 2 → R² -3
            "1 2 3;        3 2 1;       1.3333333333; 1.6329931619; -3",
            // constant actual: scikit-learn's r2_score gives 1 when perfect, 0 otherwise
            "4 4;          4 4;         0;     0;            1",
            "4 4;          5 3;         1;     1;            0",
    })
    void computesMaeRmseAndR2AsScikitLearnDoes(String actual, String predicted, double mae, double rmse, double r2) {
        RegressionMetrics metrics = RegressionMetrics.of(numbers(actual), numbers(predicted));

        assertThat(metrics.mae()).isCloseTo(mae, within(1e-9));
        assertThat(metrics.rmse()).isCloseTo(rmse, within(1e-9));
        assertThat(metrics.r2()).isCloseTo(r2, within(1e-9));
        assertThat(metrics.rows()).isEqualTo(numbers(actual).length);
    }

    @ParameterizedTest
    @CsvSource({"1 2, 1", "'', ''"})
    void refusesMismatchedOrEmptyArrays(String actual, String predicted) {
        assertThatThrownBy(() -> RegressionMetrics.of(numbers(actual), numbers(predicted)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static double[] numbers(String text) {
        return text == null || text.isBlank() ? new double[0]
                : Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
