package ai.stratum.server.cdp.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The CDP score: 0.4 events, 0.4 profiles, 0.2 audience match rate, weights of absent parts redistributed. */
class CdpScoreCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @ParameterizedTest(name = "events {1}/{0}, profiles {3}/{2}, audience {5}/{4} -> {6}")
    @CsvSource({
            // every part present: 100 × (0.4 e + 0.4 p + 0.2 a)
            "100, 100, 10, 10, 1000, 1000, 100.0",
            "100,   0, 10,  0, 1000,    0,   0.0",
            "100,  50, 10,  5, 1000,  500,  50.0",
            "100,  80, 10,  5, 1000,  600,  64.0",
            "100, 100, 10,  0, 1000,    0,  40.0",
            // no audience sync yet: events and profiles weigh half each
            "100,  80, 10,  5,    0,    0,  65.0",
            "  4,   1,  4,  3,    0,    0,  50.0",
            "100, 100, 10, 10,    0,    0, 100.0",
            // only one part present: it is the score
            "100,  70,  0,  0,    0,    0,  70.0",
            "  0,   0, 10,  3,    0,    0,  30.0",
            "  0,   0,  0,  0,  200,   50,  25.0",
            // events and audience, no profiles seen in the window: (0.4 × 0.5 + 0.2 × 1) / 0.6
            "  2,   1,  0,  0,   10,   10,  66.66666666666667"})
    void weighsThePartsPresent(long events, long strongEvents, long profiles, long strongProfiles, long sent, long matched, double expected) {
        CdpScore score = CdpScoreCalculator.score(new CdpScoreInputs(events, strongEvents, profiles, strongProfiles, sent, matched), NOW)
                .orElseThrow();

        assertThat(score.score()).isCloseTo(expected, within(1e-9));
        assertThat(score.score()).isBetween(0.0, 100.0);
        assertThat(score.computedAt()).isEqualTo(NOW);
    }

    @Test
    void withoutAnyCdpDataThereIsNoScoreRatherThanZero() {
        assertThat(CdpScoreCalculator.score(new CdpScoreInputs(0, 0, 0, 0, 0, 0), NOW)).isEmpty();
    }

    @Test
    void reportsTheSharesItUsedAndLeavesAbsentOnesEmpty() {
        CdpScore score = CdpScoreCalculator.score(new CdpScoreInputs(8, 2, 4, 4, 0, 0), NOW).orElseThrow();

        assertThat(score.eventShare()).hasValue(0.25);
        assertThat(score.profileShare()).hasValue(1.0);
        assertThat(score.audienceMatchRate()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "more strong events than events,         5, 6, 0, 0, 0, 0",
            "more strong profiles than profiles,     0, 0, 1, 2, 0, 0",
            "more matched than sent,                 0, 0, 0, 0, 3, 4",
            "a negative total,                      -1, 0, 0, 0, 0, 0"})
    void refusesFiguresThatCannotBe(String what, long events, long strongEvents, long profiles, long strongProfiles, long sent, long matched) {
        assertThatThrownBy(() -> new CdpScoreInputs(events, strongEvents, profiles, strongProfiles, sent, matched))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
