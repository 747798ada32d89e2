package ai.stratum.server.ml.models;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.MlFixtures;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.ml.roas.RoasTrainer;
import ai.stratum.server.ml.roas.RoasTraining;
import ai.stratum.server.ml.roas.SimulatedCampaigns;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.TrainingProgress;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * predictRoas and predictConversion through the local prediction provider and the ML cache, on a real
 * server: a repeated question is answered from the cache, and a newly active model version answers at
 * once. Each test has a tenant of its own.
 */
@MicronautTest(transactional = false)
class PredictionServingTest extends IntegrationTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-9);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** {@link MlModelsTest#roasInput()} as features. */
    private static final RoasFeatures FEATURES = new RoasFeatures(2.6, 2.2, 180, 0.015, 0.03, 0.05, Platform.META, 0,
            LocalDate.of(2026, 11, 30), 60_000, 35);

    @Inject
    Database database;

    @Inject
    ModelRegistryRepository registry;

    @Inject
    ModelCatalog catalog;

    @Inject
    MeterRegistry meters;

    private GraphQLClient superAdmin;

    @Override
    protected Map<String, String> extraProperties() {
        // an instance that looks the active version up only hourly: a new version must still answer at once
        return Map.of("stratum.ml.active-model-ttl", "1h");
    }

    @BeforeAll
    void admin() {
        superAdmin = graphql().withToken(loginAsAdmin());
    }

    @Test
    void aSecondIdenticalQuestionIsAnsweredFromTheCache() {
        GraphQLClient viewer = user(MlFixtures.tenant(superAdmin, unique("Cached predictions")), "VIEWER");
        double roasHits = count(PredictionService.PREDICT_ROAS, "hit");
        double roasMisses = count(PredictionService.PREDICT_ROAS, "miss");
        double conversionHits = count(PredictionService.PREDICT_CONVERSION, "hit");

        Map<String, Object> first = viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors()
                .data("predictRoas");
        Map<String, Object> second = viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors()
                .data("predictRoas");
        Map<String, Object> conversion = viewer.execute(MlModelsTest.PREDICT_CONVERSION, Map.of("i", MlModelsTest.conversionInput()))
                .assertNoErrors().data("predictConversion");
        Map<String, Object> conversionAgain = viewer.execute(MlModelsTest.PREDICT_CONVERSION,
                Map.of("i", MlModelsTest.conversionInput())).assertNoErrors().data("predictConversion");

        assertThat(second).isEqualTo(first);
        assertThat(count(PredictionService.PREDICT_ROAS, "miss") - roasMisses).isEqualTo(1);
        assertThat(count(PredictionService.PREDICT_ROAS, "hit") - roasHits).isEqualTo(1);
        assertThat(conversionAgain).isEqualTo(conversion);
        assertThat(count(PredictionService.PREDICT_CONVERSION, "hit") - conversionHits).isEqualTo(1);
        assertThat((List<?>) conversionAgain.get("topFactors")).hasSize(5);
    }

    @Test
    void aRefreshTheUserAsksForMakesTheNextAnswerFreshAndIsAudited() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Refreshed predictions"));
        GraphQLClient viewer = user(tenant, "VIEWER");
        viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors();
        double misses = count(PredictionService.PREDICT_ROAS, "miss");
        double hits = count(PredictionService.PREDICT_ROAS, "hit");

        Object refreshed = viewer.execute("mutation { refreshMlResults }").assertNoErrors().data("refreshMlResults");
        viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors();
        viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors();

        assertThat(refreshed).isEqualTo(true);
        assertThat(count(PredictionService.PREDICT_ROAS, "miss") - misses).as("computed again after the refresh").isEqualTo(1);
        assertThat(count(PredictionService.PREDICT_ROAS, "hit") - hits).as("then cached again").isEqualTo(1);
        List<String> audited = database.asSystem(connection -> Sql.of(connection,
                        "SELECT action FROM audit_events WHERE tenant_id = $1 AND action = 'ml.results_refreshed'", UUID.fromString(tenant))
                .rows(row -> row.get("action", String.class))).collectList().block(WAIT);
        assertThat(audited).containsExactly("ml.results_refreshed");
    }

    @Test
    void aRefreshNeedsACaller() {
        assertThat(graphql().execute("mutation { refreshMlResults }").errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aNewlyTrainedVersionAndAReactivatedOneAnswerAtOnce() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Versions"));
        GraphQLClient viewer = user(tenant, "VIEWER");
        GraphQLClient analyst = user(tenant, "DATA_ANALYST");
        RoasTraining shallow = train(new RoasTrainer.Settings(3, 2, 0.3, 1, 0.8));
        RoasTraining deeper = train(new RoasTrainer.Settings(30, 4, 0.3, 1, 0.8));
        double byShallow = shallow.model().predict(FEATURES).predictedRoas();
        double byDeeper = deeper.model().predict(FEATURES).predictedRoas();
        assertThat(byShallow).as("the two versions must answer differently").isNotCloseTo(byDeeper, Offset.offset(0.01));
        double byDefault = predictedRoas(viewer);

        register(tenant, shallow);
        assertThat(predictedRoas(viewer)).as("version 1, registered").isCloseTo(byShallow, EXACT).isNotEqualTo(byDefault);
        register(tenant, deeper);
        assertThat(predictedRoas(viewer)).as("version 2, registered").isCloseTo(byDeeper, EXACT);

        analyst.execute("mutation { activateModel(type: ROAS, version: 1) { version } }").assertNoErrors();

        var answer = viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors();
        assertThat(((Number) answer.data("predictRoas.predictedRoas")).doubleValue()).isCloseTo(byShallow, EXACT);
        assertThat(answer.<Map<String, Object>>data("predictRoas.model")).containsEntry("version", 1).containsEntry("scope", "TENANT");
    }

    /** Registers a new active version as a training job does when it finishes. */
    private void register(String tenant, RoasTraining model) {
        TenantId id = new TenantId(UUID.fromString(tenant));
        byte[] artifact = model.model().toArtifact().toBytes();
        ModelMetrics metrics = ModelMetrics.regression(model.test().metrics(), model.test().intervalCoverage(),
                model.test().meanIntervalWidth());
        database.inTenantOne(id, connection -> registry.register(connection, id, ModelType.ROAS, artifact, metrics,
                        model.trainingRows(), model.test().metrics().rows(), ModelSource.CSV, Optional.empty(), Optional.empty()))
                .block(WAIT);
        catalog.activated(id, ModelType.ROAS).block(WAIT);
    }

    private static RoasTraining train(RoasTrainer.Settings settings) {
        return new RoasTrainer(settings).train(SimulatedCampaigns.generate(5, 1, 30, 90).data(), TrainingProgress.NONE);
    }

    private static double predictedRoas(GraphQLClient client) {
        return ((Number) client.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", MlModelsTest.roasInput())).assertNoErrors()
                .data("predictRoas.predictedRoas")).doubleValue();
    }

    private GraphQLClient user(String tenant, String role) {
        return graphql().withToken(login(MlFixtures.user(superAdmin, tenant, role), MlFixtures.PASSWORD));
    }

    private double count(String operation, String result) {
        var counter = meters.find("stratum.ml.cache.requests").tag("operation", operation).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
