package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.anomaly.Anomaly;
import ai.stratum.server.ml.anomaly.AnomalyMethod;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan the benchmark times grows a forest and finds the planted runaway day by both methods. */
class AnomalyDetectionBenchmarkTest {

    @Test
    void findsTheRunawayDayByZScoreAndForest() {
        AnomalyDetectionBenchmark benchmark = new AnomalyDetectionBenchmark();
        benchmark.setUp();

        List<Anomaly> found = benchmark.scanCampaign();

        assertThat(benchmark.days).hasSize(90);
        assertThat(found).filteredOn(a -> a.date().equals(AnomalyDetectionBenchmark.FIRST.plusDays(85)))
                .extracting(Anomaly::method).contains(AnomalyMethod.Z_SCORE, AnomalyMethod.ISOLATION_FOREST);
    }
}
