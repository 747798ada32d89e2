package ai.stratum.server.cdp.churn;

import ai.stratum.server.ml.training.InsufficientDataException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChurnTrainerTest {

    private static final Instant CUTOFF = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void learnsKnownChurnWellAboveChance() {
        List<ChurnTrainer.Row> rows = rows(ChurnHistories.generate(600, CUTOFF, 180, 30, 7));

        ChurnTrainer.Training training = ChurnTrainer.train(rows, CUTOFF, "test");

        assertThat(training.metrics().auc()).isGreaterThan(0.8);
        assertThat(training.trainingRows()).isEqualTo(480);
        assertThat(training.metrics().rows()).isEqualTo(120);
        assertThat(training.churnedShare()).isBetween(0.2, 0.8);
    }

    @Test
    void aStoredModelPredictsWhatTheTrainedOneDid() {
        List<ChurnTrainer.Row> rows = rows(ChurnHistories.generate(200, CUTOFF, 180, 30, 11));
        ChurnModel model = ChurnTrainer.train(rows, CUTOFF, "test").model();

        ChurnModel stored = ChurnModel.fromBytes(model.toBytes());

        for (ChurnTrainer.Row row : rows.subList(0, 20)) {
            double[] features = row.activity().features(CUTOFF);
            assertThat(stored.probability(features)).isEqualTo(model.probability(features)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void namesWhatIsMissingWhenThereAreTooFewProfiles() {
        List<ChurnTrainer.Row> rows = rows(ChurnHistories.generate(ChurnTrainer.MIN_PROFILES - 1, CUTOFF, 180, 30, 3));

        assertThatThrownBy(() -> ChurnTrainer.train(rows, CUTOFF, "2026-10-01"))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("Churn training needs at least 50 profiles with events before the cutoff 2026-10-01; this tenant has 49");
    }

    @Test
    void namesWhatIsMissingWhenNobodyChurned() {
        List<ChurnTrainer.Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new ChurnTrainer.Row(new ChurnActivity(new UUID(0, i), CUTOFF.minus(Duration.ofDays(50)), CUTOFF.minus(Duration.ofDays(1)),
                    10, 1, 3, 10, 0, 0, 3), i < 9));
        }

        assertThatThrownBy(() -> ChurnTrainer.train(rows, CUTOFF, "2026-10-01"))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("at least 10 profiles that churned").hasMessageContaining("has 9 churned and 51 active");
    }

    static List<ChurnTrainer.Row> rows(List<ChurnHistories.Person> people) {
        List<ChurnTrainer.Row> rows = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            List<Instant> before = people.get(p).events().stream().filter(at -> at.isBefore(CUTOFF)).toList();
            boolean churned = people.get(p).events().stream().noneMatch(at -> !at.isBefore(CUTOFF));
            rows.add(new ChurnTrainer.Row(new ChurnActivity(new UUID(0, p), before.get(0), before.get(before.size() - 1), before.size(),
                    count(before, 7), count(before, 30), count(before, 90), 0, 0,
                    before.stream().filter(at -> !at.isBefore(CUTOFF.minus(Duration.ofDays(30))))
                            .map(at -> at.getEpochSecond() / 86_400).distinct().count()), churned));
        }
        return rows;
    }

    private static long count(List<Instant> events, int days) {
        return events.stream().filter(at -> !at.isBefore(CUTOFF.minus(Duration.ofDays(days)))).count();
    }
}
