package ai.stratum.benchmarks.load;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MlLoadRunTest {

    private static final double[] HUNDRED = new double[100];

    static {
        for (int i = 0; i < 100; i++) {
            HUNDRED[i] = i + 1;
        }
    }

    @ParameterizedTest(name = "p{0} of 1..100 is {1}")
    @CsvSource({"0.50, 50", "0.95, 95", "0.99, 99", "1.0, 100", "0.001, 1"})
    void takesTheNearestRank(double p, double expected) {
        assertThat(MlLoadRun.percentile(HUNDRED, p)).isEqualTo(expected);
    }
}
