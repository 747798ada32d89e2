package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.training.HoldoutSplit;
import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.RegressionMetrics;
import ai.stratum.server.ml.training.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trains on a small simulated portfolio: fewer trees than the seed's, to keep the build fast. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoasTrainerTest {

    static final RoasTrainer.Settings SMALL = new RoasTrainer.Settings(40, 6, 0.2, 1, 0.8);

    RoasDataset data;
    RoasTraining training;
    List<Double> progress = new ArrayList<>();

    @BeforeAll
    void train() {
        data = SimulatedCampaigns.generate(1, 4, 30, 150).data();
        training = new RoasTrainer(SMALL).train(data, (stage, fraction) -> progress.add(fraction));
    }

    @Test
    void splitsEightyTwentyThenFitsOnThreeQuartersAndCalibratesOnTheRest() {
        int test = HoldoutSplit.seeded(data.rows()).test().length;

        assertThat(training.test().metrics().rows()).isEqualTo(test);
        assertThat(training.trainingRows()).isEqualTo(data.rows() - test);
        assertThat(training.calibrationRows()).isEqualTo((int) Math.ceil(training.trainingRows() * 0.25));
    }

    @Test
    void reportsTheSeedsMetricsOfTheHeldOutRows() {
        RoasDataset test = data.subset(HoldoutSplit.seeded(data.rows()).test());
        double[] predicted = training.model().predictRows(test.features(), test.rows());

        assertThat(training.test().metrics()).isEqualTo(RegressionMetrics.of(test.labelValues(), predicted));
        assertThat(training.test().predictions()).containsExactly(predicted);
        assertThat(training.test().metrics().r2()).isGreaterThan(0.7);
    }

    @Test
    void itsEightyPercentIntervalCoversAboutEightyPercentOfCampaignsItNeverSaw() {
        RoasDataset other = SimulatedCampaigns.generate(77, 3, 30, 150).data();

        RoasEvaluation evaluation = RoasTrainer.evaluate(training.model(), other);

        assertThat(other.rows()).isGreaterThan(5_000);
        assertThat(evaluation.intervalCoverage()).isBetween(0.76, 0.84);
        assertThat(training.test().intervalCoverage()).isBetween(0.76, 0.84);
    }

    @Test
    void reportsProgressTreeByTreeUpToEvaluation() {
        assertThat(progress).isSorted().hasSize(SMALL.rounds() + 1);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(0.95);
    }

    @Test
    void predictsWithAnIntervalAroundThePrediction() {
        RoasFeatures features = new RoasFeatures(2.4, 2.0, 180, 0.015, 0.03, 0.05, Platform.META, 0,
                LocalDate.of(2026, 11, 30), 60_000, 35);

        RoasPrediction prediction = training.model().predict(features);

        assertThat(prediction.predictedRoas()).isBetween(1.0, 4.0);
        assertThat(prediction.confidenceLower()).isLessThan(prediction.predictedRoas());
        assertThat(prediction.confidenceUpper()).isGreaterThan(prediction.predictedRoas());
        assertThat(prediction.trend()).isEqualTo(RoasTrend.IMPROVING);
    }

    @Test
    void aStoredModelPredictsExactlyAsTheOneTrained() {
        byte[] stored = training.model().toArtifact().toBytes();

        RoasModel loaded = RoasModel.fromArtifact(ModelArtifact.fromBytes(stored));

        RoasDataset some = data.subset(new int[] {0, 10, 100, 1000});
        assertThat(loaded.predictRows(some.features(), 4)).containsExactly(training.model().predictRows(some.features(), 4));
        assertThat(loaded.halfWidth(2.0)).isCloseTo(training.model().halfWidth(2.0), within(1e-12));
    }

    @Test
    void refusesTooFewRows() {
        RoasDataset few = data.subset(new int[] {1, 2, 3});

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RoasTrainer(SMALL).train(few, TrainingProgress.NONE))
                .hasMessageContaining("at least 25 rows");
    }
}
