package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ComponentWeightsTest {

    @Test
    void weighsFortyTwentyFiveTwentyFifteenWithoutCdp() {
        ComponentWeights weights = ComponentWeights.withoutCdp(TrustSettings.defaults());

        assertThat(weights.emq()).isCloseTo(0.40, offset(1e-12));
        assertThat(weights.freshness()).isCloseTo(0.25, offset(1e-12));
        assertThat(weights.variance()).isCloseTo(0.20, offset(1e-12));
        assertThat(weights.anomaly()).isCloseTo(0.15, offset(1e-12));
        assertThat(weights.cdp()).isZero();
    }

    @Test
    void givesCdpTenPercentAndShrinksTheOthersInProportion() {
        ComponentWeights weights = ComponentWeights.withCdp(TrustSettings.defaults());

        assertThat(weights.emq()).isCloseTo(0.36, offset(1e-12));
        assertThat(weights.freshness()).isCloseTo(0.225, offset(1e-12));
        assertThat(weights.variance()).isCloseTo(0.18, offset(1e-12));
        assertThat(weights.anomaly()).isCloseTo(0.135, offset(1e-12));
        assertThat(weights.cdp()).isCloseTo(0.10, offset(1e-12));
        assertThat(weights.emq() + weights.freshness() + weights.variance() + weights.anomaly() + weights.cdp())
                .isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void redistributesTheConfiguredCdpWeight() {
        ComponentWeights weights = ComponentWeights.withCdp(
                TrustSettings.fromEnvironment(Map.of("TRUST_CDP_WEIGHT", "0.2")));

        assertThat(weights.emq()).isCloseTo(0.32, offset(1e-12));
        assertThat(weights.freshness()).isCloseTo(0.20, offset(1e-12));
        assertThat(weights.variance()).isCloseTo(0.16, offset(1e-12));
        assertThat(weights.anomaly()).isCloseTo(0.12, offset(1e-12));
        assertThat(weights.cdp()).isCloseTo(0.20, offset(1e-12));
    }

    @ParameterizedTest(name = "EMQ {0}, freshness {1}, variance {2}, anomaly {3}, no CDP: {4}")
    @CsvSource({
            "100, 100, 100, 100,  100",
            "0,   0,   0,   0,    0",
            "100, 0,   0,   0,    40",
            "0,   100, 0,   0,    25",
            "0,   0,   100, 0,    20",
            "0,   0,   0,   100,  15",
            // 0.40 * 80 + 0.25 * 100 + 0.20 * 70 + 0.15 * 80 = 32 + 25 + 14 + 12
            "80,  100, 70,  80,   83",
            // 0.40 * 75 + 0.25 * 0 + 0.20 * 100 + 0.15 * 90: an account nothing is known about
            "75,  0,   100, 90,   63.5"})
    void weighsTheFourComponentsWithoutCdp(double emq, double freshness, double variance, double anomaly,
                                           double expected) {
        double overall = ComponentWeights.withoutCdp(TrustSettings.defaults())
                .overall(emq, freshness, variance, anomaly, 0);

        assertThat(overall).isCloseTo(expected, offset(1e-9));
    }

    @ParameterizedTest(name = "EMQ {0}, freshness {1}, variance {2}, anomaly {3}, CDP {4}: {5}")
    @CsvSource({
            "100, 100, 100, 100, 100,  100",
            "100, 0,   0,   0,   0,    36",
            "0,   100, 0,   0,   0,    22.5",
            "0,   0,   100, 0,   0,    18",
            "0,   0,   0,   100, 0,    13.5",
            "0,   0,   0,   0,   100,  10",
            // 0.36 * 80 + 0.225 * 100 + 0.18 * 70 + 0.135 * 80 + 0.10 * 50 = 28.8 + 22.5 + 12.6 + 10.8 + 5
            "80,  100, 70,  80,  50,   79.7"})
    void weighsTheFiveComponentsWithCdp(double emq, double freshness, double variance, double anomaly, double cdp,
                                        double expected) {
        double overall = ComponentWeights.withCdp(TrustSettings.defaults())
                .overall(emq, freshness, variance, anomaly, cdp);

        assertThat(overall).isCloseTo(expected, offset(1e-9));
    }
}
