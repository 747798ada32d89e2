package ai.stratum.server.trust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ModeAssessmentTest {

    @ParameterizedTest(name = "at {0}: {1}, \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "100   | NORMAL    | Signal health excellent - full autopilot",
            "80    | NORMAL    | Signal health excellent - full autopilot",
            "79.99 | NORMAL    | Signal health good - autopilot enabled",
            "70    | NORMAL    | Signal health good - autopilot enabled",
            "69.99 | LIMITED   | Signal health degraded - conservative only",
            "60    | LIMITED   | Signal health degraded - conservative only",
            "59.99 | CUTS_ONLY | Signal health low - pause/reduce only",
            "40    | CUTS_ONLY | Signal health low - pause/reduce only",
            "39.99 | FROZEN    | Signal health critical - automation frozen",
            "0     | FROZEN    | Signal health critical - automation frozen",
            "NaN   | FROZEN    | Signal health critical - automation frozen"})
    void givesTheSeedsModeAndReasonAtEachScore(double score, AutopilotMode mode, String reason) {
        ModeAssessment assessment = ModeAssessment.of(score);

        assertThat(assessment.mode()).isEqualTo(mode);
        assertThat(assessment.reason()).isEqualTo(reason);
        assertThat(assessment.score()).isEqualTo(Double.valueOf(score));
    }

    @ParameterizedTest(name = "with 90/75/50/30, at {0}: {1}, \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "90    | NORMAL    | Signal health excellent - full autopilot",
            "89.99 | NORMAL    | Signal health good - autopilot enabled",
            "75    | NORMAL    | Signal health good - autopilot enabled",
            "74.99 | LIMITED   | Signal health degraded - conservative only",
            "49.99 | CUTS_ONLY | Signal health low - pause/reduce only",
            "29.99 | FROZEN    | Signal health critical - automation frozen"})
    void movesTheBoundariesWithTheTenantsThresholds(double score, AutopilotMode mode, String reason) {
        TrustGateConfig config = new TrustGateConfig(90, 75, 50, 30, TrustGateConfig.defaults().highRiskActions(),
                TrustGateConfig.defaults().conservativeActions(), TrustGateConfig.defaults().alwaysAllowedActions());

        ModeAssessment assessment = ModeAssessment.of(score, config);

        assertThat(assessment.mode()).isEqualTo(mode);
        assertThat(assessment.reason()).isEqualTo(reason);
    }
}
