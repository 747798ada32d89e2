package ai.stratum.server.signals.health;

import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class HealthAggregatorTest {

    private static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");

    @ParameterizedTest(name = "accounts (score:spend) {0} roll up to {1}, {2}")
    @CsvSource({
            // weighted by spend
            "'80:300 40:100',                       70,                 HEALTHY",
            "'100:1 0:1',                           50,                 DEGRADED",
            "'90:0 50:100',                         50,                 DEGRADED",
            // an unknown spend weighs the mean of the known ones
            "'90:300 60:? 30:100',                  70,                 HEALTHY",
            "'90:0 50:100 70:?',                    56.666666666666664, DEGRADED",
            // no positive spend known: every account weighs the same
            "'90:0 50:0',                           70,                 HEALTHY",
            "'90:? 50:?',                           70,                 HEALTHY",
            "'90:0 50:?',                           70,                 HEALTHY",
            // one account
            "'39.99:250',                           39.99,              CRITICAL",
            // at the thresholds
            "'69.99:5 69.99:7',                     69.99,              DEGRADED",
            "'40:3 40:11',                          40,                 DEGRADED",
            // every account exactly healthy is healthy, whatever the spends
            "'70:6.12 70:963.7 70:939.87 70:947.19', 70,                HEALTHY"})
    void weighsEachAccountBySpend(String accounts, double expected, HealthStatus status) {
        SignalHealth rolledUp = HealthAggregator.aggregate(accounts(accounts), Optional.empty(),
                TrustSettings.defaults(), NOW);

        assertThat(rolledUp.overallScore()).isCloseTo(expected, offset(1e-9));
        assertThat(rolledUp.status()).isEqualTo(status);
    }

    @Test
    void weighsEachComponentBySpend() {
        List<WeightedHealth> accounts = List.of(
                new WeightedHealth(health(80, 90, 100, 60, 40, OptionalDouble.empty()), OptionalDouble.of(300)),
                new WeightedHealth(health(40, 50, 0, 100, 80, OptionalDouble.empty()), OptionalDouble.of(100)));

        SignalHealth rolledUp = HealthAggregator.aggregate(accounts, Optional.empty(), TrustSettings.defaults(), NOW);

        assertThat(rolledUp.emqScore()).isCloseTo(80, offset(1e-9));
        assertThat(rolledUp.freshnessScore()).isCloseTo(75, offset(1e-9));
        assertThat(rolledUp.varianceScore()).isCloseTo(70, offset(1e-9));
        assertThat(rolledUp.anomalyScore()).isCloseTo(50, offset(1e-9));
    }

    @Test
    void averagesTheCdpScoreOverTheAccountsThatHaveOne() {
        List<WeightedHealth> accounts = List.of(
                new WeightedHealth(health(80, OptionalDouble.of(80)), OptionalDouble.of(100)),
                new WeightedHealth(health(80, OptionalDouble.empty()), OptionalDouble.of(300)),
                new WeightedHealth(health(80, OptionalDouble.of(40)), OptionalDouble.of(300)));

        SignalHealth rolledUp = HealthAggregator.aggregate(accounts, Optional.empty(), TrustSettings.defaults(), NOW);

        assertThat(rolledUp.cdpEmqScore()).hasValueCloseTo(50.0, offset(1e-9));
    }

    @Test
    void averagesTheCdpScoresEquallyWhenTheirAccountsSpendNothing() {
        List<WeightedHealth> accounts = List.of(
                new WeightedHealth(health(80, OptionalDouble.of(80)), OptionalDouble.of(0)),
                new WeightedHealth(health(80, OptionalDouble.of(20)), OptionalDouble.of(0)),
                new WeightedHealth(health(80, OptionalDouble.empty()), OptionalDouble.of(100)));

        SignalHealth rolledUp = HealthAggregator.aggregate(accounts, Optional.empty(), TrustSettings.defaults(), NOW);

        assertThat(rolledUp.cdpEmqScore()).hasValueCloseTo(50.0, offset(1e-9));
    }

    @Test
    void hasNoCdpScoreWhenNoAccountHasOne() {
        SignalHealth rolledUp = HealthAggregator.aggregate(accounts("80:1 60:2"), Optional.empty(),
                TrustSettings.defaults(), NOW);

        assertThat(rolledUp.cdpEmqScore()).isEmpty();
    }

    @Test
    void keepsEveryAccountsIssuesInOrder() {
        List<WeightedHealth> accounts = List.of(
                new WeightedHealth(health(60, OptionalDouble.empty(), "META act_1: EMQ averages 6.0 / 10"),
                        OptionalDouble.of(0)),
                new WeightedHealth(health(50, OptionalDouble.empty(), "META act_2: newest data is 36.0 h old",
                        "META act_2: no data has been received"), OptionalDouble.of(100)));

        SignalHealth rolledUp = HealthAggregator.aggregate(accounts, Optional.of(Platform.META),
                TrustSettings.defaults(), NOW);

        assertThat(rolledUp.issues()).containsExactly("META act_1: EMQ averages 6.0 / 10",
                "META act_2: newest data is 36.0 h old", "META act_2: no data has been received");
    }

    @Test
    void namesThePlatformItRollsUpToButNoAccount() {
        SignalHealth rolledUp = HealthAggregator.aggregate(accounts("80:1"), Optional.of(Platform.GOOGLE),
                TrustSettings.defaults(), NOW);

        assertThat(rolledUp.platform()).hasValue(Platform.GOOGLE);
        assertThat(rolledUp.accountId()).isEmpty();
        assertThat(rolledUp.lastUpdated()).isEqualTo(NOW);
    }

    @Test
    void judgesATenantWithNoAccountsCritical() {
        SignalHealth rolledUp = HealthAggregator.aggregate(List.of(), Optional.empty(), TrustSettings.defaults(), NOW);

        assertThat(rolledUp.overallScore()).isZero();
        assertThat(rolledUp.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(rolledUp.issues()).containsExactly("no accounts have reported signals");
        assertThat(rolledUp.cdpEmqScore()).isEmpty();
    }

    @Test
    void judgesAPlatformWithNoAccountsCritical() {
        SignalHealth rolledUp = HealthAggregator.aggregate(List.of(), Optional.of(Platform.SNAPCHAT),
                TrustSettings.defaults(), NOW);

        assertThat(rolledUp.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(rolledUp.issues()).containsExactly("SNAPCHAT: no accounts have reported signals");
    }

    @Test
    void classifiesWithTheConfiguredThresholds() {
        TrustSettings strict = TrustSettings.defaults().withOverrides(
                Map.of("TRUST_HEALTHY_THRESHOLD", "75"));

        SignalHealth rolledUp = HealthAggregator.aggregate(accounts("80:300 40:100"), Optional.empty(), strict, NOW);

        assertThat(rolledUp.status()).isEqualTo(HealthStatus.DEGRADED);
    }

    /** "score:spend" pairs, "?" for an unknown spend; every component equals the score. */
    private static List<WeightedHealth> accounts(String pairs) {
        return Arrays.stream(pairs.trim().split("\\s+")).map(pair -> {
            String[] parts = pair.split(":");
            OptionalDouble spend = parts[1].equals("?") ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(parts[1]));
            return new WeightedHealth(health(Double.parseDouble(parts[0]), OptionalDouble.empty()), spend);
        }).toList();
    }

    private static SignalHealth health(double overall, OptionalDouble cdp, String... issues) {
        return health(overall, overall, overall, overall, overall, cdp, issues);
    }

    private static SignalHealth health(double overall, double emq, double freshness, double variance, double anomaly,
                                       OptionalDouble cdp, String... issues) {
        return new SignalHealth(overall, emq, freshness, variance, anomaly, cdp,
                HealthStatus.of(overall, TrustSettings.defaults()), List.of(issues), NOW.minusSeconds(60),
                Optional.of(Platform.META), Optional.of("act"));
    }
}
