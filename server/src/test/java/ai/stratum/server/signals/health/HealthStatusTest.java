package ai.stratum.server.signals.health;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthStatusTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "100,        HEALTHY",
            "70.01,      HEALTHY",
            "70,         HEALTHY",
            "69.99,      DEGRADED",
            "69.999999,  DEGRADED",
            "55,         DEGRADED",
            "40,         DEGRADED",
            "39.99,      CRITICAL",
            "0,          CRITICAL",
            "NaN,        CRITICAL"})
    void classifiesHealthyFromSeventyDegradedFromFortyElseCritical(double score, HealthStatus expected) {
        assertThat(HealthStatus.of(score, TrustSettings.defaults())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "with 75/50 thresholds, {0} is {1}")
    @CsvSource({"75, HEALTHY", "74.99, DEGRADED", "50, DEGRADED", "49.99, CRITICAL"})
    void followsTheConfiguredThresholds(double score, HealthStatus expected) {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of(
                "TRUST_HEALTHY_THRESHOLD", "75", "TRUST_DEGRADED_THRESHOLD", "50"));

        assertThat(HealthStatus.of(score, settings)).isEqualTo(expected);
    }
}
