package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class VarianceComponentTest {

    private final VarianceComponent variance = new VarianceComponent(TrustSettings.defaults());

    @ParameterizedTest(name = "variance {0} scores {1}")
    @CsvSource({
            // up to 10 %: 100
            "0,          100",
            "0.05,       100",
            "0.10,       100",
            // 10-15 %: a linear decay of 30 points
            "0.1000001,  99.99994",
            "0.11,       94",
            "0.125,      85",
            "0.14,       76",
            "0.1499999,  70.00006",
            // from 15 %: the seed's 100 - (v - 10 %) * 500, capped at the decay's end value 70
            // (the seed would give 75 at 15 % and 72.5 at 15.5 %, better than 70 just below 15 %)
            "0.15,       70",
            "0.155,      70",
            "0.16,       70",
            "0.17,       65",
            "0.20,       50",
            "0.25,       25",
            "0.30,       0",
            "1.0,        0",
            "5.0,        0"})
    void scoresTheRevenueVariance(double variance, double expected) {
        assertThat(this.variance.scoreOf(variance)).isCloseTo(expected, offset(1e-9));
    }

    @Test
    void neverScoresALargerVarianceAboveTheEndOfTheLinearDecay() {
        double justBelowMaximum = variance.scoreOf(0.1499999);

        for (double v : new double[]{0.15, 0.151, 0.155, 0.159, 0.16}) {
            assertThat(variance.scoreOf(v)).as("variance %s", v).isLessThanOrEqualTo(justBelowMaximum);
        }
    }

    @ParameterizedTest(name = "platform {0} against analytics {1}: variance {2}")
    @CsvSource({
            "100,   100,   0",
            "110,   100,   0.10",
            "90,    100,   0.10",
            "150,   100,   0.5",
            "0,     100,   1.0",
            // analytics reports no revenue: 100 % if the platform reports some, else none
            "100,   0,     1.0",
            "0.01,  0,     1.0",
            "0,     0,     0"})
    void measuresTheVarianceAgainstTheAnalyticsRevenue(double platform, double analytics, double expected) {
        assertThat(VarianceComponent.variance(platform, analytics)).isCloseTo(expected, offset(1e-12));
    }

    @ParameterizedTest(name = "platform {0} against analytics {1} scores {2}")
    @CsvSource({
            "100,   100,   100",
            "110,   100,   100",
            "90,    100,   100",
            "111,   100,   94",
            "89,    100,   94",
            "115,   100,   70",
            "85,    100,   70",
            "120,   100,   50",
            "250,   100,   0",
            "0,     100,   0",
            "100,   0,     0",
            "0,     0,     100"})
    void scoresThePlatformRevenueAgainstTheAnalyticsRevenue(double platform, double analytics, double expected) {
        ComponentScore score = variance.score(OptionalDouble.of(platform), OptionalDouble.of(analytics));

        assertThat(score.score()).isCloseTo(expected, offset(1e-9));
    }

    @Test
    void scoresAHundredWhenEitherRevenueIsUnknown() {
        assertThat(variance.score(OptionalDouble.empty(), OptionalDouble.of(100)))
                .isEqualTo(ComponentScore.perfect());
        assertThat(variance.score(OptionalDouble.of(100), OptionalDouble.empty()))
                .isEqualTo(ComponentScore.perfect());
        assertThat(variance.score(OptionalDouble.empty(), OptionalDouble.empty()))
                .isEqualTo(ComponentScore.perfect());
    }

    @Test
    void explainsAVarianceAboveTheWarningLevel() {
        ComponentScore score = variance.score(OptionalDouble.of(120), OptionalDouble.of(100));

        assertThat(score.cause()).hasValue("platform revenue differs from analytics by 20.0 %");
    }

    @Test
    void explainsPlatformRevenueThatAnalyticsDoesNotSee() {
        ComponentScore score = variance.score(OptionalDouble.of(250), OptionalDouble.of(0));

        assertThat(score.cause()).hasValue("analytics reports no revenue against platform revenue of 250.0");
    }

    @Test
    void hasNoCauseUpToTheWarningLevel() {
        assertThat(variance.score(OptionalDouble.of(110), OptionalDouble.of(100)).cause()).isEmpty();
    }

    @ParameterizedTest(name = "with 5/20 % limits, variance {0} scores {1}")
    @CsvSource({"0.05, 100", "0.125, 85", "0.1999999, 70.00002", "0.20, 25", "0.30, 0"})
    void followsTheConfiguredVariances(double variance, double expected) {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of(
                "TRUST_WARNING_VARIANCE_PCT", "5", "TRUST_MAX_VARIANCE_PCT", "20"));

        assertThat(new VarianceComponent(settings).scoreOf(variance)).isCloseTo(expected, offset(1e-6));
    }
}
