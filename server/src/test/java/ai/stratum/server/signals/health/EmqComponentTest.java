package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class EmqComponentTest {

    @Test
    void scoresSeventyFiveWithoutReadings() {
        ComponentScore score = EmqComponent.score(List.of());

        assertThat(score.score()).isEqualTo(75.0);
        assertThat(score.cause()).hasValue("no EMQ readings; assuming 7.5 / 10");
    }

    @ParameterizedTest(name = "EMQ readings [{0}] score {1}")
    @CsvSource({
            // one reading: 0-10 becomes 0-100
            "0,          0",
            "0.1,        1",
            "5,          50",
            "7.5,        75",
            "9.99,       99.9",
            "10,         100",
            // clamped to 0-100 before averaging
            "10.5,       100",
            "12,         100",
            "-1,         0",
            "12 -3,      50",
            // the average over the platforms
            "6 8,        70",
            "5 7.5 10,   75",
            "2 4 6 8,    50",
            "9.5 9.5 12, 96.66666666666667"})
    void convertsEachReadingToAHundredPointScaleAndAverages(String readings, double expected) {
        ComponentScore score = EmqComponent.score(readings(readings));

        assertThat(score.score()).isCloseTo(expected, offset(1e-9));
    }

    @Test
    void explainsAnAverageBelowTen() {
        assertThat(EmqComponent.score(List.of(6.0, 8.0)).cause()).hasValue("EMQ averages 7.0 / 10");
    }

    @Test
    void hasNoCauseAtAPerfectAverage() {
        assertThat(EmqComponent.score(List.of(10.0, 11.0)).cause()).isEmpty();
    }

    private static List<Double> readings(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(Double::valueOf).toList();
    }
}
