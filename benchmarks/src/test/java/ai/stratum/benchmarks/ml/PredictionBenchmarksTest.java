package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.conversion.ConversionPrediction;
import ai.stratum.server.ml.roas.RoasPrediction;
import ai.stratum.server.ml.roas.RoasTrend;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prediction benchmarks load the full-size default models from the benchmarks' own class path, and
 * their inputs are varied enough to send the trees down many paths.
 */
class PredictionBenchmarksTest {

    @Test
    void roasInputsSpreadOverTrendsAndPredictions() {
        RoasPredictionBenchmark benchmark = new RoasPredictionBenchmark();
        benchmark.setUp();
        Set<RoasTrend> trends = EnumSet.noneOf(RoasTrend.class);
        Set<String> recommendations = new HashSet<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < RoasPredictionBenchmark.INPUTS; i++) {
            RoasPrediction prediction = benchmark.predict();
            trends.add(prediction.trend());
            recommendations.add(prediction.recommendation());
            min = Math.min(min, prediction.predictedRoas());
            max = Math.max(max, prediction.predictedRoas());
        }
        assertThat(trends).containsExactlyInAnyOrder(RoasTrend.values());
        assertThat(recommendations).hasSizeGreaterThanOrEqualTo(4);
        assertThat(max - min).isGreaterThan(2);
    }

    @Test
    void conversionInputsSpanLowAndHighProbabilitiesAndFactorsVary() {
        ConversionPredictionBenchmark benchmark = new ConversionPredictionBenchmark();
        benchmark.setUp();
        Set<String> leadingFactors = new HashSet<>();
        double min = 1;
        double max = 0;
        for (int i = 0; i < ConversionPredictionBenchmark.INPUTS; i++) {
            ConversionPrediction prediction = benchmark.predict();
            leadingFactors.add(prediction.topFactors().get(0).factor());
            min = Math.min(min, prediction.conversionProbability());
            max = Math.max(max, prediction.conversionProbability());
        }
        assertThat(min).isLessThan(0.05);
        assertThat(max).isGreaterThan(0.6);
        assertThat(leadingFactors).hasSizeGreaterThanOrEqualTo(3);
        assertThat(benchmark.probability()).isBetween(0.0, 1.0);
    }
}
