package ai.stratum.server.ml.training;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SplitConformalTest {

    /**
     * Scores 1..n in reverse order. Rank ⌈(n + 1) × coverage⌉: n = 9, 0.8 → ⌈8⌉ = 8; n = 10, 0.8 → ⌈8.8⌉ = 9;
     * n = 4, 0.8 → ⌈4⌉ = 4; n = 3, 0.8 → ⌈3.2⌉ = 4 > 3: no finite score will do.
     */
    @ParameterizedTest
    @CsvSource({"9, 0.8, 8", "10, 0.8, 9", "4, 0.8, 4", "19, 0.5, 10", "3, 0.8, Infinity"})
    void takesTheFiniteSampleCorrectedRank(int n, double coverage, double expected) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = n - i;
        }

        assertThat(SplitConformal.quantile(scores, coverage)).isEqualTo(expected);
    }
}
