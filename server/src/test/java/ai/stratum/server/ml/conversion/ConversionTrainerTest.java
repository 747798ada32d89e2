package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.training.ClassificationMetrics;
import ai.stratum.server.ml.training.HoldoutSplit;
import ai.stratum.server.ml.training.TrainingProgress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversionTrainerTest {

    @Test
    void trainsOnEightyPercentAndReportsTheSeedsMetricsOnTheRest() {
        SessionDataset data = SyntheticSessions.generate(11, 4_000).data();
        List<String> stages = new ArrayList<>();

        ConversionTraining training = new ConversionTrainer(ConversionModelTest.SMALL).train(data,
                (stage, fraction) -> stages.add(stage));

        SessionDataset test = data.subset(HoldoutSplit.seeded(data.rows()).test());
        double[] probabilities = new double[test.rows()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = training.model().probabilityOf(test.features()[i]);
        }
        assertThat(training.trainingRows()).isEqualTo(3_200);
        assertThat(training.test().metrics()).isEqualTo(ClassificationMetrics.of(test.labels(), probabilities));
        assertThat(training.test().metrics().auc()).isGreaterThan(0.8);
        assertThat(stages).containsExactly("training", "training", "evaluating");
    }

    @Test
    void refusesTooFewRowsOrOneOutcomeOnly() {
        SessionDataset data = SyntheticSessions.generate(3, 2_000).data();
        ConversionTrainer trainer = new ConversionTrainer(ConversionModelTest.SMALL);
        int[] converted = java.util.stream.IntStream.range(0, data.rows()).filter(i -> data.labels()[i]).toArray();

        assertThatThrownBy(() -> trainer.train(data.subset(new int[] {0, 1, 2}), TrainingProgress.NONE))
                .hasMessageContaining("at least 50 rows");
        assertThatThrownBy(() -> trainer.fit(data.subset(converted), TrainingProgress.NONE))
                .hasMessageContaining("sessions that converted and sessions that did not");
    }
}
