package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ZScoreTest {

    /** Mean 5, population standard deviation 1. */
    private static final double[] ALTERNATING = {4, 6, 4, 6, 4, 6, 4, 6};

    @ParameterizedTest(name = "{0} values of history are too few")
    @ValueSource(ints = {0, 1, 6})
    void needsSevenValuesOfHistory(int days) {
        assertThat(ZScore.of(10, new double[days])).isEmpty();
    }

    @ParameterizedTest(name = "{0} against mean 5, deviation 1: z {1}, beyond 3.0: {2}")
    @CsvSource({
            "5,        0,         false",
            "8,        3,         false",
            "2,        -3,        false",
            "8.000001, 3.000001,  true",
            "1.5,      -3.5,      true",
            "0,        -5,        true",
    })
    void measuresTheDistanceInPopulationStandardDeviations(double value, double z, boolean anomalous) {
        ZScore score = ZScore.of(value, ALTERNATING).orElseThrow();

        assertThat(score.mean()).isEqualTo(5.0);
        assertThat(score.standardDeviation()).isEqualTo(1.0);
        assertThat(score.historyDays()).isEqualTo(8);
        assertThat(score.z()).isCloseTo(z, within(1e-9));
        assertThat(score.exceeds(3.0)).isEqualTo(anomalous);
    }

    @Test
    void neverCallsAValueAnomalousAgainstAHistoryThatNeverVaries() {
        ZScore score = ZScore.of(1_000_000, new double[] {3, 3, 3, 3, 3, 3, 3}).orElseThrow();

        assertThat(score.standardDeviation()).isZero();
        assertThat(score.z()).isZero();
        assertThat(score.exceeds(3.0)).isFalse();
    }

    @Test
    void countsZerosAsData() {
        ZScore score = ZScore.of(0, new double[] {0, 0, 0, 0, 0, 0, 7}).orElseThrow();

        assertThat(score.mean()).isEqualTo(1.0);
        assertThat(score.standardDeviation()).isCloseTo(Math.sqrt(6), within(1e-12));
    }
}
