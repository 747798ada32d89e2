package ai.stratum.server.ml.models;

import ai.stratum.server.ml.roas.CampaignHistory;
import ai.stratum.server.ml.roas.CampaignHistoryFeatures;
import ai.stratum.server.ml.roas.SimulatedCampaigns;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Predictions, training jobs and the model registry over GraphQL, on a real PostgreSQL. Tenant A has a
 * simulated portfolio of 140 campaigns over 75 days, and later a shop's events in the CDP; tenant B has a
 * few campaigns, too few to train, and no events. Tenant models are small (20 trees) to keep the test fast.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MlModelsTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    static final String PREDICT_ROAS = "query($i: RoasPredictionInput!) { predictRoas(input: $i) { predictedRoas confidenceLower "
            + "confidenceUpper trend recommendation model { scope version active revision source } } }";
    static final String PREDICT_CONVERSION = "query($i: ConversionPredictionInput!) { predictConversion(input: $i) { "
            + "conversionProbability confidence topFactors { factor impact value } model { type scope version } } }";
    static final String TRAIN = "mutation($t: ModelType!) { trainModel(type: $t) { id type status stage progress } }";
    static final String JOB = "query($id: ID!) { trainingJob(id: $id) { id type status stage progress error trainingRows testRows "
            + "metrics { mae rmse r2 intervalCoverage meanIntervalWidth auc } model { version active scope source trainingJobId } "
            + "createdAt startedAt finishedAt } }";
    static final String MODELS = "query($t: ModelType!) { models(type: $t) { totalCount edges { node { version active revision "
            + "metrics { mae r2 intervalCoverage } trainingRows testRows source } } active { scope version } "
            + "defaultModel { scope version active metrics { mae r2 auc precision } } } }";

    private GraphQLClient superAdmin;
    private String tenantA;
    private GraphQLClient viewerA;
    private GraphQLClient analystA;
    private GraphQLClient analystB;
    private double byDefault = Double.NaN;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.ml.training.roas-rounds", "20", "stratum.ml.training.conversion-trees", "20",
                "stratum.ml.active-model-ttl", "1h");
    }

    @BeforeAll
    void twoTenants() {
        superAdmin = graphql().withToken(loginAsAdmin());
        tenantA = tenant();
        String tenantB = tenant();
        viewerA = userIn(tenantA, "VIEWER");
        analystA = userIn(tenantA, "DATA_ANALYST");
        analystB = userIn(tenantB, "DATA_ANALYST");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CampaignHistory> portfolio = SimulatedCampaigns.campaigns(3, 1, 140, 75, today).stream()
                .map(SimulatedCampaigns.Simulated::history).toList();
        assertThat(portfolio.stream().filter(h -> h.deliveryDays() >= CampaignHistoryFeatures.HISTORY_DAYS).count())
                .isGreaterThanOrEqualTo(ModelTrainingService.MIN_ROAS_CAMPAIGNS);
        PerformanceRows.insert(tenantA, portfolio);
        PerformanceRows.insert(tenantB, portfolio.subList(0, 12));
    }

    @Test
    @Order(1)
    void aTenantWithoutItsOwnModelIsAnsweredByTheDefault() {
        var result = viewerA.execute(PREDICT_ROAS, Map.of("i", roasInput())).assertNoErrors();

        Map<String, Object> prediction = result.data("predictRoas");
        double predicted = ((Number) prediction.get("predictedRoas")).doubleValue();
        byDefault = predicted;
        assertThat(predicted).isBetween(0.5, 6.0);
        assertThat(((Number) prediction.get("confidenceLower")).doubleValue()).isLessThan(predicted);
        assertThat(((Number) prediction.get("confidenceUpper")).doubleValue()).isGreaterThan(predicted);
        assertThat(prediction.get("trend")).isEqualTo("IMPROVING");
        assertThat((String) prediction.get("recommendation")).isNotBlank();
        assertThat(result.<Map<String, Object>>data("predictRoas.model"))
                .containsEntry("scope", "DEFAULT").containsEntry("version", 0).containsEntry("active", true)
                .containsEntry("source", "BUILD");
    }

    @Test
    @Order(1)
    void predictsConversionWithPerPredictionFactors() {
        var result = viewerA.execute(PREDICT_CONVERSION, Map.of("i", conversionInput())).assertNoErrors();

        double probability = ((Number) result.data("predictConversion.conversionProbability")).doubleValue();
        assertThat(probability).isBetween(0.0, 1.0);
        assertThat(((Number) result.data("predictConversion.confidence")).doubleValue())
                .isEqualTo(Math.max(probability, 1 - probability));
        List<Map<String, Object>> factors = result.data("predictConversion.topFactors");
        assertThat(factors).hasSize(5);
        assertThat(factors).extracting(f -> Math.abs(((Number) f.get("impact")).doubleValue()))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(factors).filteredOn(f -> f.get("factor").equals("device_type"))
                .allSatisfy(f -> assertThat(f.get("value")).isEqualTo("DESKTOP"));
        assertThat(result.<Map<String, Object>>data("predictConversion.model"))
                .containsEntry("type", "CONVERSION").containsEntry("scope", "DEFAULT");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"ctr, 1.5", "historicalRoas7d, -1", "dayOfWeek, 3", "creativeFatigueScore, 101", "impressionsGrowth, -2"})
    void outOfRangeRoasInputIsBadUserInputNamingTheField(String field, double value) {
        Map<String, Object> input = new HashMap<>(roasInput());
        input.put(field, field.equals("dayOfWeek") ? (Object) (int) value : value);

        var result = viewerA.execute(PREDICT_ROAS, Map.of("i", input));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo("input." + field);
        assertThat(result.errorMessage()).startsWith("input." + field + ":");
    }

    @Test
    void aMissingFeatureIsBadUserInputNamingIt() {
        Map<String, Object> input = new HashMap<>(roasInput());
        input.remove("audienceSize");

        var result = viewerA.execute(PREDICT_ROAS, Map.of("i", input));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(result.errorMessage()).contains("audienceSize");
    }

    @Test
    void aNegativeCartIsBadUserInputAndAnUnknownDeviceToo() {
        Map<String, Object> negative = new HashMap<>(conversionInput());
        negative.put("cartValue", -3.0);
        Map<String, Object> unknown = new HashMap<>(conversionInput());
        unknown.put("deviceType", "WATCH");

        var result = viewerA.execute(PREDICT_CONVERSION, Map.of("i", negative));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo("input.cartValue");
        assertThat(viewerA.execute(PREDICT_CONVERSION, Map.of("i", unknown)).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void predictingNeedsCredentials() {
        assertThat(graphql().execute(PREDICT_ROAS, Map.of("i", roasInput())).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aViewerMayNotTrainOrActivate() {
        assertThat(viewerA.execute(TRAIN, Map.of("t", "ROAS")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(viewerA.execute("mutation { activateModel(type: ROAS, version: 1) { version } }").errorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void tooFewCampaignsIsRefusedNamingWhatIsMissing() {
        var result = analystB.execute(TRAIN, Map.of("t", "ROAS"));

        assertThat(result.errorCode()).isEqualTo("CONFLICT");
        assertThat(result.errorMessage()).contains("at least 100 campaigns with 30 or more days")
                .containsPattern("this tenant has \\d+ such campaigns \\(12 with any performance data\\)");
    }

    @Test
    void conversionTrainingNeedsTenThousandEvents() {
        var result = analystB.execute(TRAIN, Map.of("t", "CONVERSION"));

        assertThat(result.errorCode()).isEqualTo("CONFLICT");
        assertThat(result.errorMessage()).contains("at least 10000 events in the customer data platform; this tenant has 0.");
    }

    @Test
    @Order(6)
    void aConversionModelIsTrainedFromTheSessionsOfTheTenantsEvents() {
        int events = CdpEvents.write(tenantA, 11, 900, java.time.Instant.now());
        assertThat(events).isGreaterThanOrEqualTo(ModelTrainingService.MIN_CONVERSION_EVENTS);

        String id = analystA.execute(TRAIN, Map.of("t", "CONVERSION")).assertNoErrors().data("trainModel.id");
        Map<String, Object> job = awaitFinished(analystA, id);

        assertThat(job).as(String.valueOf(job.get("error"))).containsEntry("status", "SUCCEEDED").containsEntry("type", "CONVERSION");
        Map<String, Object> metrics = (Map<String, Object>) job.get("metrics");
        assertThat(((Number) metrics.get("auc")).doubleValue()).isGreaterThan(0.6);
        assertThat(metrics.get("mae")).isNull();
        int sessions = ((Number) job.get("trainingRows")).intValue() + ((Number) job.get("testRows")).intValue();
        assertThat(sessions).isBetween(900, 3_600);
        var prediction = viewerA.execute(PREDICT_CONVERSION, Map.of("i", conversionInput())).assertNoErrors();
        assertThat(prediction.<Map<String, Object>>data("predictConversion.model"))
                .containsEntry("type", "CONVERSION").containsEntry("scope", "TENANT").containsEntry("version", 1);
    }

    @Test
    @Order(2)
    void aTrainingJobRunsInTheBackgroundAndItsModelTakesOver() {
        var started = analystA.execute(TRAIN, Map.of("t", "ROAS")).assertNoErrors();
        String id = started.data("trainModel.id");
        assertThat((String) started.data("trainModel.status")).isIn("QUEUED", "RUNNING", "SUCCEEDED");

        Map<String, Object> job = awaitFinished(analystA, id);

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("stage", "done").containsEntry("type", "ROAS");
        assertThat(((Number) job.get("progress")).doubleValue()).isEqualTo(1.0);
        Map<String, Object> metrics = (Map<String, Object>) job.get("metrics");
        assertThat(((Number) metrics.get("mae")).doubleValue()).isPositive();
        assertThat(((Number) metrics.get("r2")).doubleValue()).isGreaterThan(0.5);
        assertThat(((Number) metrics.get("intervalCoverage")).doubleValue()).isBetween(0.6, 1.0);
        assertThat(metrics.get("auc")).isNull();
        assertThat((Map<String, Object>) job.get("model")).containsEntry("version", 1).containsEntry("active", true)
                .containsEntry("scope", "TENANT").containsEntry("source", "TRAINING_JOB").containsEntry("trainingJobId", id);
        int trainingRows = ((Number) job.get("trainingRows")).intValue();
        int testRows = ((Number) job.get("testRows")).intValue();
        assertThat(testRows).isEqualTo((int) Math.ceil((trainingRows + testRows) * 0.2));
        assertThat(job.get("startedAt")).isNotNull();
        assertThat(job.get("finishedAt")).isNotNull();

        var prediction = viewerA.execute(PREDICT_ROAS, Map.of("i", roasInput())).assertNoErrors();
        assertThat(prediction.<Map<String, Object>>data("predictRoas.model"))
                .containsEntry("scope", "TENANT").containsEntry("version", 1);
        assertThat(((Number) prediction.data("predictRoas.predictedRoas")).doubleValue())
                .as("the trained model answers, not the default's cached answer to the same question").isNotEqualTo(byDefault);
        var models = viewerA.execute(MODELS, Map.of("t", "ROAS")).assertNoErrors();
        assertThat(((Number) models.data("models.totalCount")).intValue()).isEqualTo(1);
        assertThat(models.<Map<String, Object>>data("models.active")).containsEntry("scope", "TENANT").containsEntry("version", 1);
        assertThat(models.<Map<String, Object>>data("models.defaultModel")).containsEntry("scope", "DEFAULT")
                .containsEntry("active", false);
    }

    @Test
    @Order(3)
    void aNewVersionRetiresTheOldAndEitherCanBeMadeActiveAgain() {
        String second = analystA.execute(TRAIN, Map.of("t", "ROAS")).assertNoErrors().data("trainModel.id");
        assertThat(awaitFinished(analystA, second)).containsEntry("status", "SUCCEEDED");

        var models = viewerA.execute(MODELS, Map.of("t", "ROAS")).assertNoErrors();
        List<Map<String, Map<String, Object>>> edges = models.data("models.edges");
        assertThat(edges).extracting(e -> e.get("node").get("version")).containsExactly(2, 1);
        assertThat(edges).extracting(e -> e.get("node").get("active")).containsExactly(true, false);
        String revisionOfOne = (String) edges.get(1).get("node").get("revision");

        var activated = analystA.execute("mutation { activateModel(type: ROAS, version: 1) { version active } }").assertNoErrors();

        assertThat(activated.<Map<String, Object>>data("activateModel")).containsEntry("version", 1).containsEntry("active", true);
        List<Map<String, Map<String, Object>>> after = viewerA.execute(MODELS, Map.of("t", "ROAS")).assertNoErrors().data("models.edges");
        assertThat(after).extracting(e -> e.get("node").get("active")).containsExactly(false, true);
        assertThat(viewerA.execute(PREDICT_ROAS, Map.of("i", roasInput())).assertNoErrors()
                .<Map<String, Object>>data("predictRoas.model")).containsEntry("version", 1).containsEntry("revision", revisionOfOne);
        assertThat(analystA.execute("mutation { activateModel(type: ROAS, version: 99) { version } }").errorCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    @Order(4)
    void oneOpenJobPerModelAndAnAbandonedOneIsClosed() {
        UUID running = UUID.randomUUID();
        PerformanceRows.execute("INSERT INTO training_jobs (tenant_id, id, model_type, status, stage, started_at) "
                + "VALUES (?, ?, 'ROAS', 'RUNNING', 'training', now())", UUID.fromString(tenantA), running);

        var refused = analystA.execute(TRAIN, Map.of("t", "ROAS"));

        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.errorMessage()).contains(running.toString());

        PerformanceRows.execute("UPDATE training_jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = ?", running);
        String next = analystA.execute(TRAIN, Map.of("t", "ROAS")).assertNoErrors().data("trainModel.id");

        assertThat(analystA.execute(JOB, Map.of("id", running.toString())).assertNoErrors().<Map<String, Object>>data("trainingJob"))
                .containsEntry("status", "FAILED").containsEntry("error", "The server running this job stopped before it finished");
        assertThat(awaitFinished(analystA, next)).containsEntry("status", "SUCCEEDED");
    }

    @Test
    @Order(5)
    void anotherTenantSeesNoneOfItAndStillGetsTheDefault() {
        String jobOfA = analystA.execute("query { models(type: ROAS) { edges { node { trainingJobId } } } }").assertNoErrors()
                .data("models.edges.0.node.trainingJobId");

        var models = analystB.execute(MODELS, Map.of("t", "ROAS")).assertNoErrors();

        assertThat(((Number) models.data("models.totalCount")).intValue()).isZero();
        assertThat(models.<Map<String, Object>>data("models.active")).containsEntry("scope", "DEFAULT");
        assertThat(analystB.execute(JOB, Map.of("id", jobOfA)).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(analystB.execute(PREDICT_ROAS, Map.of("i", roasInput())).assertNoErrors()
                .<String>data("predictRoas.model.scope")).isEqualTo("DEFAULT");
    }

    @Test
    void anUnknownJobIdIsBadInputAndAnUnknownJobNotFound() {
        assertThat(viewerA.execute(JOB, Map.of("id", "nope")).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(viewerA.execute(JOB, Map.of("id", UUID.randomUUID().toString())).errorCode()).isEqualTo("NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitFinished(GraphQLClient client, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Map<String, Object> job = client.execute(JOB, Map.of("id", id)).assertNoErrors().data("trainingJob");
            if (job.get("status").equals("SUCCEEDED") || job.get("status").equals("FAILED") || System.nanoTime() > deadline) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Map<String, Object> roasInput() {
        Map<String, Object> input = new HashMap<>();
        input.put("historicalRoas7d", 2.6);
        input.put("historicalRoas30d", 2.2);
        input.put("spendVelocity", 180.0);
        input.put("ctr", 0.015);
        input.put("conversionRate", 0.03);
        input.put("impressionsGrowth", 0.05);
        input.put("platform", "META");
        input.put("dayOfWeek", 0);
        input.put("date", "2026-11-30");
        input.put("audienceSize", 60_000.0);
        input.put("creativeFatigueScore", 35.0);
        return input;
    }

    static Map<String, Object> conversionInput() {
        Map<String, Object> input = new HashMap<>();
        input.put("sessionDuration", 420.0);
        input.put("pagesViewed", 9);
        input.put("cartValue", 85.5);
        input.put("itemsInCart", 2);
        input.put("timeSinceLastVisit", 3.5);
        input.put("previousPurchases", 1);
        input.put("deviceType", "DESKTOP");
        input.put("trafficSource", "PAID");
        input.put("userSegment", "RETURNING");
        return input;
    }

    private String tenant() {
        return superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n }) { id } }",
                Map.of("n", unique("Models"))).assertNoErrors().data("createTenant.id");
    }

    private GraphQLClient userIn(String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }
}
