package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class FreshnessComponentTest {

    private static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");

    private final FreshnessComponent freshness = new FreshnessComponent(TrustSettings.defaults());

    @ParameterizedTest(name = "{0} h old scores {1}")
    @CsvSource({
            // fully fresh up to and including 24 h
            "0,        100",
            "12,       100",
            "23.999,   100",
            "24,       100",
            // linear decay between 24 and 48 h
            "24.001,   99.99583333333334",
            "30,       75",
            "36,       50",
            "42,       25",
            "47.999,   0.0041666666666",
            // stale from 48 h on
            "48,       0",
            "48.001,   0",
            "720,      0",
            // a timestamp in the future (clock skew) is as fresh as can be
            "-0.5,     100",
            "-48,      100"})
    void scoresByAgeInHours(double ageHours, double expected) {
        assertThat(freshness.scoreOf(ageHours)).isCloseTo(expected, offset(1e-9));
    }

    @ParameterizedTest(name = "received {0} s before now scores {1}")
    @CsvSource({
            "86399,    100",
            "86400,    100",
            "86401,    99.99884259259259",
            "129600,   50",
            "172799,   0.0011574074074",
            "172800,   0",
            "172801,   0",
            "-3600,    100"})
    void judgesTheAgeOfTheNewestDataAtTheMomentGiven(long secondsBeforeNow, double expected) {
        ComponentScore score = freshness.score(Optional.of(NOW.minusSeconds(secondsBeforeNow)), NOW);

        assertThat(score.score()).isCloseTo(expected, offset(1e-9));
    }

    @Test
    void countsFractionsOfASecond() {
        Instant justOverADay = NOW.minus(Duration.ofHours(24).plusMillis(1));

        assertThat(freshness.score(Optional.of(justOverADay), NOW).score()).isLessThan(100.0).isGreaterThan(99.99);
    }

    @Test
    void scoresZeroWhenNoDataWasEverReceived() {
        ComponentScore score = freshness.score(Optional.empty(), NOW);

        assertThat(score.score()).isZero();
        assertThat(score.cause()).hasValue("no data has been received");
    }

    @Test
    void explainsDataOlderThanADay() {
        ComponentScore score = freshness.score(Optional.of(NOW.minus(Duration.ofHours(36))), NOW);

        assertThat(score.cause()).hasValue("newest data is 36.0 h old");
    }

    @Test
    void hasNoCauseForFreshOrFutureData() {
        assertThat(freshness.score(Optional.of(NOW.minus(Duration.ofHours(24))), NOW).cause()).isEmpty();
        assertThat(freshness.score(Optional.of(NOW.plus(Duration.ofHours(2))), NOW).cause()).isEmpty();
    }

    @ParameterizedTest(name = "with 12/36 h limits, {0} h old scores {1}")
    @CsvSource({"12, 100", "18, 75", "24, 50", "36, 0"})
    void followsTheConfiguredAges(double ageHours, double expected) {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of(
                "TRUST_MAX_DATA_AGE_HOURS", "12", "TRUST_STALE_DATA_AGE_HOURS", "36"));

        assertThat(new FreshnessComponent(settings).scoreOf(ageHours)).isCloseTo(expected, offset(1e-9));
    }
}
