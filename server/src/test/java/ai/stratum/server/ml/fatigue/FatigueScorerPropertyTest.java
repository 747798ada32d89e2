package ai.stratum.server.ml.fatigue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FatigueScorerPropertyTest {

    private final FatigueScorer scorer = new FatigueScorer();

    @Property
    void scoresWithinZeroToAHundredWithTheLevelOfTheScoreShown(@ForAll @IntRange(min = 0, max = 400) int age,
                                                              @ForAll @DoubleRange(min = 0, max = 30) double frequency,
                                                              @ForAll @DoubleRange(min = 0, max = 0.2) double initialCtr,
                                                              @ForAll @DoubleRange(min = 0, max = 0.2) double currentCtr,
                                                              @ForAll @DoubleRange(min = -1, max = 1) double engagement) {
        FatigueResult result = scorer.score(FatigueScorerTest.input(age, frequency, initialCtr, currentCtr, engagement,
                List.of()));

        assertThat(result.fatigueScore()).isBetween(0.0, 100.0);
        assertThat(result.fatigueLevel()).isEqualTo(FatigueLevel.of(result.fatigueScore()));
    }

    @Property
    void neverScoresAnOlderMoreFrequentOrMoreDecayedCreativeLower(
            @ForAll @IntRange(min = 0, max = 60) int age, @ForAll @IntRange(min = 0, max = 30) int moreDays,
            @ForAll @DoubleRange(min = 0, max = 12) double frequency, @ForAll @DoubleRange(min = 0, max = 5) double moreFrequency,
            @ForAll @DoubleRange(min = 0.001, max = 0.1) @Scale(4) double initialCtr,
            @ForAll @DoubleRange(min = 0, max = 1.2) double ctrShare, @ForAll @DoubleRange(min = 0, max = 0.5) double lessShare,
            @ForAll @DoubleRange(min = -0.5, max = 1) double engagement, @ForAll @DoubleRange(min = 0, max = 0.5) double moreEngagement) {
        double fresher = scorer.score(FatigueScorerTest.input(age, frequency, initialCtr, initialCtr * ctrShare,
                engagement, List.of())).fatigueScore();
        double staler = scorer.score(FatigueScorerTest.input(age + moreDays, frequency + moreFrequency, initialCtr,
                initialCtr * Math.max(0, ctrShare - lessShare), engagement + moreEngagement, List.of())).fatigueScore();

        assertThat(staler).isGreaterThanOrEqualTo(fresher);
    }
}
