package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RoasRecommendationTest {

    @ParameterizedTest(name = "predicted {0}, 30d {1}, {2}, fatigue {3}: {4}")
    @CsvSource({
            "0.99, 0.5, IMPROVING, 10, Reduce budget by 20%",          // below break-even beats everything
            "3.25, 3.0, IMPROVING, 10, Increase budget by 15%",        // the seed's example
            "3.0,  3.0, IMPROVING, 90, Increase budget by 15%",
            "2.9,  3.0, IMPROVING, 10, Maintain current budget",       // improving, but not predicted to hold
            "2.5,  3.0, DECLINING, 10, Reduce budget by 10%",
            "3.0,  3.0, DECLINING, 10, Maintain current budget",       // declining, but predicted to recover
            "3.0,  3.0, STABLE,    70, Refresh creative before changing budget",
            "3.0,  3.0, STABLE,    69.9, Maintain current budget",
            "1.0,  3.0, STABLE,    10, Maintain current budget",       // exactly break-even is not below it
    })
    void followsTheRulesInOrder(double predicted, double roas30d, RoasTrend trend, double fatigue, String expected) {
        RoasFeatures features = new RoasFeatures(3, roas30d, 100, 0.01, 0.02, 0, Platform.META, 0,
                LocalDate.of(2026, 11, 30), 10_000, fatigue);

        assertThat(RoasRecommendation.of(predicted, features, trend)).isEqualTo(expected);
    }
}
