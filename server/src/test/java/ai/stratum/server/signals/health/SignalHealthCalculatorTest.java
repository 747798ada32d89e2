package ai.stratum.server.signals.health;

import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class SignalHealthCalculatorTest {

    private static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    private final SignalHealthCalculator calculator = new SignalHealthCalculator(TrustSettings.defaults());

    @Test
    void scoresAHealthyAccountAHundredWithoutIssues() {
        SignalHealth health = calculator.calculate(perfect(), NOW);

        assertThat(health.overallScore()).isEqualTo(100.0);
        assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(health.issues()).isEmpty();
    }

    @Test
    void weighsTheComponentsFortyTwentyFiveTwentyFifteen() {
        // EMQ 8.0 -> 80; 30 h old -> 75; 12 % variance -> 88; no history -> 90
        SignalHealth health = calculator.calculate(degraded(), NOW);

        assertThat(health.emqScore()).isCloseTo(80, offset(1e-9));
        assertThat(health.freshnessScore()).isCloseTo(75, offset(1e-9));
        assertThat(health.varianceScore()).isCloseTo(88, offset(1e-9));
        assertThat(health.anomalyScore()).isCloseTo(90, offset(1e-9));
        assertThat(health.cdpEmqScore()).isEmpty();
        // 0.40 * 80 + 0.25 * 75 + 0.20 * 88 + 0.15 * 90 = 32 + 18.75 + 17.6 + 13.5
        assertThat(health.overallScore()).isCloseTo(81.85, offset(1e-9));
        assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void givesAKnownCdpScoreTenPercentAndTheOthersNinetyInProportion() {
        SignalHealth health = calculator.calculate(degraded().withCdpEmqScore(60), NOW);

        assertThat(health.cdpEmqScore()).hasValue(60.0);
        // 0.36 * 80 + 0.225 * 75 + 0.18 * 88 + 0.135 * 90 + 0.10 * 60 = 28.8 + 16.875 + 15.84 + 12.15 + 6
        assertThat(health.overallScore()).isCloseTo(79.665, offset(1e-9));
    }

    @Test
    void ignoresTheCdpScoreWhenCdpIsDisabled() {
        SignalHealthCalculator withoutCdp = new SignalHealthCalculator(
                TrustSettings.fromEnvironment(Map.of("TRUST_CDP_ENABLED", "false")));

        SignalHealth health = withoutCdp.calculate(degraded().withCdpEmqScore(60), NOW);

        assertThat(health.cdpEmqScore()).isEmpty();
        assertThat(health.overallScore()).isCloseTo(81.85, offset(1e-9));
        assertThat(health.issues()).noneMatch(issue -> issue.contains("CDP"));
    }

    @ParameterizedTest(name = "CDP {0} counts as {1}")
    @CsvSource({"-10, 0", "0, 0", "55.5, 55.5", "100, 100", "150, 100"})
    void clampsTheCdpScoreToAHundred(double cdp, double expected) {
        SignalHealth health = calculator.calculate(perfect().withCdpEmqScore(cdp), NOW);

        assertThat(health.cdpEmqScore()).hasValue(expected);
        assertThat(health.overallScore()).isCloseTo(90 + expected / 10, offset(1e-9));
    }

    @Test
    void scoresAnAccountNothingIsKnownAbout() {
        // EMQ default 75, never received -> 0, no revenue to compare -> 100, no history -> 90
        SignalHealth health = calculator.calculate(SignalSnapshot.empty(Platform.META, "act_1"), NOW);

        assertThat(health.overallScore()).isCloseTo(63.5, offset(1e-9));
        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.issues()).containsExactly(
                "META act_1: no EMQ readings; assuming 7.5 / 10",
                "META act_1: no data has been received",
                "META act_1: only 0 days of history; anomaly detection needs 7");
    }

    @Test
    void writesOneIssuePerComponentThatPullsTheScoreDownNamingTheAccount() {
        SignalHealth health = calculator.calculate(degraded().withCdpEmqScore(60), NOW);

        assertThat(health.issues()).containsExactly(
                "META act_1: EMQ averages 8.0 / 10",
                "META act_1: newest data is 30.0 h old",
                "META act_1: platform revenue differs from analytics by 12.0 %",
                "META act_1: only 0 days of history; anomaly detection needs 7",
                "META act_1: CDP identity quality is 60.0 / 100");
    }

    @Test
    void writesNoIssueForAComponentAtAHundred() {
        SignalSnapshot staleOnly = perfect().withLastReceivedAt(NOW.minus(Duration.ofHours(50)));
        SignalSnapshot snapshot = new SignalSnapshot(Platform.GOOGLE, "123-456-7890", staleOnly.emqScores(),
                staleOnly.lastReceivedAt(), staleOnly.platformRevenue(), staleOnly.analyticsRevenue(),
                staleOnly.current(), staleOnly.history(), staleOnly.cdpEmqScore());

        SignalHealth health = calculator.calculate(snapshot, NOW);

        assertThat(health.issues()).containsExactly("GOOGLE 123-456-7890: newest data is 50.0 h old");
        assertThat(health.overallScore()).isCloseTo(75, offset(1e-9));
    }

    @Test
    void recordsTheAccountAndTheMoment() {
        SignalHealth health = calculator.calculate(perfect(), NOW);

        assertThat(health.platform()).hasValue(Platform.META);
        assertThat(health.accountId()).hasValue("act_1");
        assertThat(health.lastUpdated()).isEqualTo(NOW);
    }

    /**
     * Components whose weighted sum is exactly a threshold must reach it: floating-point rounding of
     * the weights (0.40 * 0.90 and so on) must not leave a score of 70 at 69.99999999999999.
     */
    @ParameterizedTest(name = "EMQ {0}, platform revenue {1} against 100, CDP {2}: exactly {3}, {4}")
    @CsvSource({
            // 0.40 * 25 + 0.25 * 100 + 0.20 * 100 + 0.15 * 100
            "2.5, 100, -1, 70, HEALTHY",
            // 0.36 * 55 + 0.225 * 100 + 0.18 * 55 + 0.135 * 100 + 0.10 * 43
            "5.5, 119, 43, 70, HEALTHY",
            // 0.36 * 30 + 0.225 * 100 + 0.18 * 55 + 0.135 * 100 + 0.10 * 33
            "3.0, 119, 33, 60, DEGRADED",
            // 0.36 * 55 + 0.225 * 100 + 0.18 * 10 + 0.135 * 100 + 0.10 * 24
            "5.5, 128, 24, 60, DEGRADED",
            // 0.36 * 5 + 0.225 * 100 + 0.18 * 10 + 0.135 * 100 + 0.10 * 4
            "0.5, 128, 4,  40, DEGRADED"})
    void reachesAThresholdTheComponentsAddUpTo(double emq, double platformRevenue, double cdp, double expected,
                                               HealthStatus status) {
        SignalSnapshot snapshot = perfect().withEmqScores(List.of(emq)).withRevenue(platformRevenue, 100);
        if (cdp >= 0) {
            snapshot = snapshot.withCdpEmqScore(cdp);
        }

        SignalHealth health = calculator.calculate(snapshot, NOW);

        assertThat(health.overallScore()).isEqualTo(expected);
        assertThat(health.status()).isEqualTo(status);
    }

    /** EMQ 10, data an hour old, matching revenue, eight steady days and a steady today. */
    private static SignalSnapshot perfect() {
        List<DailyMetrics> history = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            history.add(new DailyMetrics(TODAY.minusDays(i), 100.0, 5.0, 20.0, 3.0));
        }
        return SignalSnapshot.empty(Platform.META, "act_1")
                .withEmqScores(List.of(10.0))
                .withLastReceivedAt(NOW.minus(Duration.ofHours(1)))
                .withRevenue(1000, 1000)
                .withMetrics(new DailyMetrics(TODAY, 100.0, 5.0, 20.0, 3.0), history);
    }

    /** EMQ 8.0, data 30 h old, 12 % revenue variance, no history. */
    private static SignalSnapshot degraded() {
        return SignalSnapshot.empty(Platform.META, "act_1")
                .withEmqScores(List.of(8.0))
                .withLastReceivedAt(NOW.minus(Duration.ofHours(30)))
                .withRevenue(112, 100);
    }
}
