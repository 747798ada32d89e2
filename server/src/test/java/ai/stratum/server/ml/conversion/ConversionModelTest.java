package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import smile.data.Tuple;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A small model (30 trees on 3,000 synthetic sessions), so the checks run in well under a second. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversionModelTest {

    static final ConversionTrainer.Settings SMALL = new ConversionTrainer.Settings(30, 4, 16, 5, 0.2, 1.0);

    SessionDataset data;
    ConversionModel model;

    @BeforeAll
    void train() {
        data = SyntheticSessions.generate(5, 3_000).data();
        model = new ConversionTrainer(SMALL).fit(data, TrainingProgress.NONE);
    }

    @Test
    void contributionsAddUpToTheLogOddsMinusTheBaseValue() {
        for (int i = 0; i < 200; i++) {
            double[] row = data.features()[i];

            double sum = 0;
            for (double contribution : model.contributions(row)) {
                sum += contribution;
            }

            assertThat(sum).isCloseTo(model.logOdds(row) - model.baseLogOdds(), within(1e-9));
        }
    }

    @Test
    void theBaseValueIsTheMeanLogOddsOfTheTrainingSessions() {
        double mean = 0;
        for (double[] row : data.features()) {
            mean += model.logOdds(row);
        }
        mean /= data.rows();

        assertThat(model.baseLogOdds()).isCloseTo(mean, within(1e-9));
    }

    @Test
    void itsProbabilitiesAreSmilesOwn() {
        for (int i = 0; i < 100; i++) {
            double[] row = data.features()[i];
            double[] posteriori = new double[2];
            model.smileModel().predict(Tuple.of(row, model.smileModel().schema()), posteriori);

            assertThat(model.probabilityOf(row)).isCloseTo(posteriori[1], within(1e-12));
        }
    }

    @Test
    void topFactorsArePerPredictionLargestImpactFirst() {
        SessionFeatures browsing = new SessionFeatures(45, 2, 0, 0, 0, 0, DeviceType.MOBILE, TrafficSource.SOCIAL, UserSegment.NEW);
        SessionFeatures buying = new SessionFeatures(900, 14, 180, 3, 2, 6, DeviceType.DESKTOP, TrafficSource.DIRECT,
                UserSegment.HIGH_VALUE);

        ConversionPrediction low = model.predict(browsing);
        ConversionPrediction high = model.predict(buying);

        assertThat(low.conversionProbability()).isLessThan(0.1);
        assertThat(high.conversionProbability()).isGreaterThan(0.5);
        assertThat(high.confidence()).isEqualTo(Math.max(high.conversionProbability(), 1 - high.conversionProbability()));
        assertThat(low.topFactors()).hasSize(5);
        assertThat(low.topFactors()).extracting(f -> Math.abs(f.impact())).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // the cart (its value and its items) pulls the browsing session down and the buying one up
        assertThat(cart(browsing)).isNegative();
        assertThat(cart(buying)).isPositive();
        double[] contributions = model.contributions(SessionEncoding.encode(buying));
        assertThat(high.topFactors()).allSatisfy(f ->
                assertThat(f.impact()).isEqualTo(contributions[SessionEncoding.COLUMNS.indexOf(f.factor())]));
        assertThat(high.topFactors()).filteredOn(f -> f.factor().equals("user_segment"))
                .allSatisfy(f -> assertThat(f.value()).isEqualTo("HIGH_VALUE"));
    }

    private double cart(SessionFeatures session) {
        double[] contributions = model.contributions(SessionEncoding.encode(session));
        return contributions[2] + contributions[3];
    }

    @Test
    void showsCategoriesByName() {
        double[] row = SessionEncoding.encode(new SessionFeatures(1.5, 1, 19.99, 1, 0, 0, DeviceType.TABLET,
                TrafficSource.PAID, UserSegment.RETURNING));

        assertThat(SessionEncoding.display(6, row[6])).isEqualTo("TABLET");
        assertThat(SessionEncoding.display(7, row[7])).isEqualTo("PAID");
        assertThat(SessionEncoding.display(8, row[8])).isEqualTo("RETURNING");
        assertThat(SessionEncoding.display(0, row[0])).isEqualTo("1.5");
        assertThat(SessionEncoding.display(2, row[2])).isEqualTo("19.99");
        assertThat(SessionEncoding.display(1, row[1])).isEqualTo("1");
    }

    @Test
    void aStoredModelPredictsExactlyAsTheOneTrained() {
        ConversionModel loaded = ConversionModel.fromArtifact(ModelArtifact.fromBytes(model.toArtifact().toBytes()));

        for (int i = 0; i < 50; i++) {
            assertThat(loaded.probabilityOf(data.features()[i])).isEqualTo(model.probabilityOf(data.features()[i]));
            assertThat(loaded.contributions(data.features()[i])).containsExactly(model.contributions(data.features()[i]));
        }
    }

    @Test
    void refusesToDeserialiseAnythingButSmilesClasses() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(URI.create("https://example.com").toURL());
        }
        ModelArtifact hostile = new ModelArtifact(ModelType.CONVERSION, SessionEncoding.VERSION,
                Map.of("intercept", "0", "shrinkage", "0.1"), bytes.toByteArray());

        assertThatThrownBy(() -> ConversionModel.fromArtifact(hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void refusesAnInterceptThatDoesNotMatchTheTrees() {
        ModelArtifact stored = model.toArtifact();
        ModelArtifact wrong = new ModelArtifact(ModelType.CONVERSION, SessionEncoding.VERSION,
                Map.of("intercept", "0.7", "shrinkage", stored.property("shrinkage")), stored.payload());

        assertThatThrownBy(() -> ConversionModel.fromArtifact(wrong)).hasMessageContaining("does not match");
    }
}
