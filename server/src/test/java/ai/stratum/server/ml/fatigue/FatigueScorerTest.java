package ai.stratum.server.ml.fatigue;

import ai.stratum.server.ml.InvalidMlInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class FatigueScorerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 14);

    private final FatigueScorer scorer = new FatigueScorer();

    @ParameterizedTest(name = "frequency {0} scores {1}")
    @CsvSource({
            "0,     10",
            "1.99,  10",
            "2,     30",
            "3.99,  30",
            "4,     60",
            "5.99,  60",
            "6,     80",
            "7.99,  80",
            "8,     95",
            "25,    95"})
    void scoresFrequencyInTheSeedsBands(double frequency, double expected) {
        assertThat(FatigueScorer.frequencyScore(frequency)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} days in rotation score {1}")
    @CsvSource({
            "0,    10",
            "6,    10",
            "7,    30",
            "13,   30",
            "14,   60",
            "20,   60",
            "21,   80",
            "27,   80",
            "28,   95",
            "365,  95"})
    void scoresAgeInWeeklyBandsOnTheFrequencyLadder(int days, double expected) {
        assertThat(FatigueScorer.ageScore(days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "CTR {0} -> {1} scores {2}")
    @CsvSource({
            // the seed: 50 when there was no initial CTR
            "0,      0,      50",
            "0,      0.02,   50",
            // decline x 200
            "0.02,   0.02,   0",
            "0.02,   0.019,  10",
            "0.02,   0.015,  50",
            "0.02,   0.0125, 75",
            "0.02,   0.01,   100",
            // clamped to 0-100
            "0.02,   0.005,  100",
            "0.02,   0,      100",
            "0.02,   0.03,   0"})
    void scoresTheCtrDeclineTimesTwoHundred(double initial, double current, double expected) {
        assertThat(FatigueScorer.ctrDecayScore(initial, current)).isCloseTo(expected, offset(1e-9));
    }

    @ParameterizedTest(name = "engagement decline {0} scores {1}")
    @CsvSource({
            "-0.2,  0",
            "0,     0",
            "0.1,   20",
            "0.25,  50",
            "0.5,   100",
            "0.8,   100"})
    void scoresTheEngagementDeclineLikeTheCtrDecline(double rate, double expected) {
        assertThat(FatigueScorer.engagementDecayScore(rate)).isCloseTo(expected, offset(1e-9));
    }

    @ParameterizedTest(name = "age {0}, frequency {1}, CTR {2}->{3}, engagement {4}: {5}")
    @CsvSource({
            // each component alone at 100 (or its top band, 95) shows its weight
            "0,   0,   0.02, 0.02,  0,     4.5",
            "28,  0,   0.02, 0.02,  0,     21.5",
            "0,   8,   0.02, 0.02,  0,     25.8",
            "0,   0,   0.02, 0.01,  0,     39.5",
            "0,   0,   0.02, 0.02,  0.5,   24.5",
            // everything at its top
            "28,  8,   0.02, 0,     0.5,   97.8",
            // the seed's example: 72, high
            "21,  4,   0.02, 0.01,  0.15,  72.0",
            // 10 x 0.2 + 30 x 0.25 + 50 x 0.35 + 20 x 0.2 = 31
            "3,   2,   0.02, 0.015, 0.1,   31.0",
            // no initial CTR: the CTR component is 50
            "3,   1,   0,    0,     0,     22.0"})
    void weighsAgeFrequencyCtrAndEngagementTwentyTwentyFiveThirtyFiveTwenty(int age, double frequency, double initialCtr,
                                                                      double currentCtr, double engagement,
                                                                      double expected) {
        FatigueResult result = scorer.score(input(age, frequency, initialCtr, currentCtr, engagement, List.of()));

        assertThat(result.fatigueScore()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0,     LOW",
            "29.9,  LOW",
            "30,    LOW",
            "49.9,  LOW",
            "50,    MEDIUM",
            "69.9,  MEDIUM",
            "70,    HIGH",
            "84.9,  HIGH",
            "85,    CRITICAL",
            "100,   CRITICAL"})
    void levelsAtFiftySeventyAndEightyFive(double score, FatigueLevel expected) {
        assertThat(FatigueLevel.of(score)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} rounds to {1}")
    @CsvSource({
            "72.04,              72.0",
            "72.05,              72.0",
            "72.25,              72.2",
            "72.35,              72.3",
            "84.96,              85.0",
            "69.99999999999999,  70.0"})
    void roundsToOneDecimalAsPythonDoes(double value, double expected) {
        assertThat(FatigueScorer.roundToOneDecimal(value)).isEqualTo(expected);
    }

    @Test
    void callsAScoreThatRoundsToEightyFiveCritical() {
        // 95 x 0.2 + 95 x 0.25 + 100 x 0.35 + 36.05 x 0.2 = 84.96
        FatigueResult result = scorer.score(input(28, 8, 0.02, 0, 0.18025, List.of()));

        assertThat(result.fatigueScore()).isEqualTo(85.0);
        assertThat(result.fatigueLevel()).isEqualTo(FatigueLevel.CRITICAL);
    }

    @Test
    void reproducesTheSeedsExample() {
        // scores 63, 66, 69 on the three days before: three points a day, so 13 points to go take 5 days
        FatigueResult result = scorer.score(input(21, 4, 0.02, 0.01, 0.15, history(63, 66, 69)));

        assertThat(result.fatigueScore()).isEqualTo(72.0);
        assertThat(result.fatigueLevel()).isEqualTo(FatigueLevel.HIGH);
        assertThat(result.daysUntilCritical()).hasValue(5);
        assertThat(result.recommendation()).isEqualTo("Replace creative within 5 days");
        assertThat(result.suggestedActions())
                .containsExactly("Rotate to new creative", "Reduce frequency cap", "Narrow audience targeting");
    }

    @Test
    void readsTheTrendAsTheLeastSquaresSlopeOfTheLastTwoWeeks() {
        // 20 days ago (outside the window) 90; inside: 60 and 70 ten and five days ago, 72 today.
        // Slope of (-10, 60), (-5, 70), (0, 72) = 1.2 a day: 13 / 1.2 = 10.8, so 11 days.
        List<DailyFatigueScore> history = List.of(
                new DailyFatigueScore(TODAY.minusDays(20), 90),
                new DailyFatigueScore(TODAY.minusDays(10), 60),
                new DailyFatigueScore(TODAY.minusDays(5), 70));

        FatigueResult result = scorer.score(input(21, 4, 0.02, 0.01, 0.15, history));

        assertThat(FatigueScorer.recentSlope(input(21, 4, 0.02, 0.01, 0.15, history), 72)).isCloseTo(1.2, offset(1e-9));
        assertThat(result.daysUntilCritical()).hasValue(11);
    }

    @Test
    void hasNoCriticalDayWhenTheScoreIsFlatOrFalling() {
        assertThat(scorer.score(input(21, 4, 0.02, 0.01, 0.15, history(72, 72, 72))).daysUntilCritical()).isEmpty();
        assertThat(scorer.score(input(21, 4, 0.02, 0.01, 0.15, history(80, 76, 74))).daysUntilCritical()).isEmpty();
    }

    @Test
    void hasNoCriticalDayWithFewerThanThreeDaysOfScores() {
        FatigueResult result = scorer.score(input(21, 4, 0.02, 0.01, 0.15,
                List.of(new DailyFatigueScore(TODAY.minusDays(1), 60))));

        assertThat(result.daysUntilCritical()).isEmpty();
        assertThat(result.recommendation()).isEqualTo("Replace creative soon");
    }

    @Test
    void isZeroDaysFromCriticalWhenCritical() {
        FatigueResult result = scorer.score(input(28, 8, 0.02, 0, 0.5, List.of()));

        assertThat(result.fatigueLevel()).isEqualTo(FatigueLevel.CRITICAL);
        assertThat(result.daysUntilCritical()).hasValue(0);
        assertThat(result.recommendation()).isEqualTo("Replace creative now");
        assertThat(result.suggestedActions()).containsExactly("Pause creative", "Rotate to new creative",
                "Reduce frequency cap");
    }

    @ParameterizedTest(name = "{0} ({1} days to critical): {2}")
    @CsvSource(delimiter = '|', value = {
            "CRITICAL | 0  | 90   | Replace creative now",
            "HIGH     | 1  | 80   | Replace creative within 1 day",
            "HIGH     | 5  | 72   | Replace creative within 5 days",
            "HIGH     |    | 72   | Replace creative soon",
            "MEDIUM   | 12 | 55   | Plan a creative refresh within 12 days",
            "MEDIUM   |    | 55   | Plan a creative refresh",
            "LOW      | 30 | 35   | Monitor performance",
            "LOW      |    | 30   | Monitor performance",
            "LOW      |    | 29.9 | No action needed"})
    void recommendsByLevel(FatigueLevel level, Integer days, double score, String expected) {
        OptionalInt daysUntilCritical = days == null ? OptionalInt.empty() : OptionalInt.of(days);

        assertThat(FatigueScorer.recommendation(level, score, daysUntilCritical)).isEqualTo(expected);
    }

    @Test
    void suggestsNothingForAFreshCreativeAndMonitoringForALowOne() {
        assertThat(FatigueScorer.suggestedActions(FatigueLevel.LOW, 12)).isEmpty();
        assertThat(FatigueScorer.suggestedActions(FatigueLevel.LOW, 40)).containsExactly("Monitor CTR and frequency");
        assertThat(FatigueScorer.suggestedActions(FatigueLevel.MEDIUM, 60))
                .containsExactly("Prepare new creative variants", "Monitor CTR and frequency");
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({
            "daysInRotation, -1",
            "frequency,      -0.1",
            "frequency,      NaN",
            "initialCtr,     -0.01",
            "currentCtr,     Infinity",
            "ctrTrend7d,     NaN",
            "engagementDecayRate, -Infinity"})
    void refusesANegativeOrNonNumericInputNamingTheField(String field, double value) {
        assertThatThrownBy(() -> new FatigueInput(
                field.equals("daysInRotation") ? (int) value : 10, 1000,
                field.equals("frequency") ? value : 2,
                field.equals("ctrTrend7d") ? value : 0, 0,
                field.equals("engagementDecayRate") ? value : 0,
                field.equals("initialCtr") ? value : 0.02,
                field.equals("currentCtr") ? value : 0.02, TODAY, List.of()))
                .isInstanceOf(InvalidMlInputException.class)
                .extracting(e -> ((InvalidMlInputException) e).field()).isEqualTo(field);
    }

    @Test
    void refusesAStoredScoreNotBeforeTheDayScored() {
        assertThatThrownBy(() -> input(1, 1, 0.02, 0.02, 0, List.of(
                new DailyFatigueScore(TODAY.minusDays(1), 10), new DailyFatigueScore(TODAY, 10))))
                .isInstanceOf(InvalidMlInputException.class)
                .extracting(e -> ((InvalidMlInputException) e).field()).isEqualTo("recentScores[1].date");
    }

    static FatigueInput input(int age, double frequency, double initialCtr, double currentCtr, double engagement,
                              List<DailyFatigueScore> history) {
        return new FatigueInput(age, 120_000, frequency, -0.05, -0.2, engagement, initialCtr, currentCtr, TODAY,
                history);
    }

    /** Scores of consecutive days ending yesterday, oldest first. */
    private static List<DailyFatigueScore> history(double... scores) {
        List<DailyFatigueScore> history = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            history.add(new DailyFatigueScore(TODAY.minusDays(scores.length - i), scores[i]));
        }
        return history;
    }
}
