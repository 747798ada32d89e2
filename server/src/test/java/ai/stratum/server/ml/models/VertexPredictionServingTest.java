package ai.stratum.server.ml.models;

import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import ai.stratum.server.ml.MlFixtures;
import ai.stratum.server.ml.inference.ServiceAccountKey;
import ai.stratum.server.ml.roas.RoasEncoding;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ML_PROVIDER=vertex} on a real server: predictRoas and predictConversion are answered by a local
 * server speaking Vertex AI's REST {@code :predict} protocol (and Google's token endpoint), each question
 * once: a repeated one is answered from the cache.
 */
@MicronautTest(transactional = false)
class VertexPredictionServingTest extends IntegrationTest {

    private static final String ROAS_ENDPOINT = "projects/stratum-test/locations/europe-west4/endpoints/roas";
    private static final String CONVERSION_ENDPOINT = "projects/stratum-test/locations/europe-west4/endpoints/conversion";

    private final JsonMapper json = JsonMapper.createDefault();
    private WireServer google;
    private GraphQLClient viewer;

    @Override
    protected Map<String, String> extraProperties() {
        google = WireServer.start();
        google.on("POST", "/token").respond(WireResponse.json(200, "{\"access_token\":\"ya29.serving\",\"expires_in\":3599}"));
        ServiceAccountKey key;
        try {
            key = ServiceAccountKey.write(Files.createTempDirectory("vertex"), google.baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("stratum.ml.provider", "vertex", "stratum.ml.vertex.roas-endpoint", ROAS_ENDPOINT,
                "stratum.ml.vertex.conversion-endpoint", CONVERSION_ENDPOINT, "stratum.ml.vertex.base-url", google.baseUrl().toString(),
                "stratum.ml.vertex.credentials", key.file().toString());
    }

    @BeforeAll
    void viewer() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = MlFixtures.tenant(superAdmin, unique("Vertex"));
        viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
    }

    @AfterAll
    void stop() {
        google.close();
    }

    @Test
    void predictsRoasWithTheEndpointOnceForARepeatedQuestion() throws IOException {
        google.on("POST", "/v1/" + ROAS_ENDPOINT + ":predict").respond(WireResponse.json(200,
                "{\"predictions\":[{\"value\":2.75,\"lower_bound\":2.1,\"upper_bound\":3.4}],\"deployedModelId\":\"9\"}"));
        Map<String, Object> input = new HashMap<>(MlModelsTest.roasInput());
        int sentBefore = google.requests("POST", "/v1/" + ROAS_ENDPOINT + ":predict").size();

        var first = viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", input)).assertNoErrors();
        var second = viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", input)).assertNoErrors();

        assertThat(first.<Map<String, Object>>data("predictRoas")).containsEntry("predictedRoas", 2.75)
                .containsEntry("confidenceLower", 2.1).containsEntry("confidenceUpper", 3.4).containsEntry("trend", "IMPROVING")
                .containsEntry("recommendation", "Increase budget by 15%").containsEntry("model", null);
        assertThat(second.<Map<String, Object>>data("predictRoas")).isEqualTo(first.data("predictRoas"));
        List<RecordedRequest> sent = google.requests("POST", "/v1/" + ROAS_ENDPOINT + ":predict");
        assertThat(sent).as("one request to the endpoint for both questions").hasSize(sentBefore + 1);
        RecordedRequest request = sent.get(sent.size() - 1);
        assertThat(request.header("Authorization")).contains("Bearer ya29.serving");
        List<?> instances = (List<?>) json.readValue(request.body(), Map.class).get("instances");
        assertThat(instances).hasSize(1);
        List<Object> row = List.copyOf((List<?>) instances.get(0));
        assertThat(row).hasSize(RoasEncoding.WIDTH);
        assertThat(row.subList(0, 3)).containsExactly((double) 2.6f, (double) 2.2f, 180.0);
    }

    @Test
    void predictsConversionWithTheEndpointWithoutFactors() {
        google.on("POST", "/v1/" + CONVERSION_ENDPOINT + ":predict").respond(WireResponse.json(200, "{\"predictions\":[[0.3,0.7]]}"));

        var result = viewer.execute(MlModelsTest.PREDICT_CONVERSION, Map.of("i", MlModelsTest.conversionInput())).assertNoErrors();

        assertThat(result.<Map<String, Object>>data("predictConversion")).containsEntry("conversionProbability", 0.7)
                .containsEntry("confidence", 0.7).containsEntry("topFactors", List.of()).containsEntry("model", null);
    }

    @Test
    void aFailingEndpointIsUnavailable() {
        google.once("POST", "/v1/" + ROAS_ENDPOINT + ":predict").respond(WireResponse.json(503,
                "{\"error\":{\"code\":503,\"message\":\"The model is being deployed\",\"status\":\"UNAVAILABLE\"}}"));
        Map<String, Object> input = new HashMap<>(MlModelsTest.roasInput());
        input.put("historicalRoas7d", 9.5);

        var result = viewer.execute(MlModelsTest.PREDICT_ROAS, Map.of("i", input));

        assertThat(result.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(result.errorMessage()).contains("HTTP 503").contains("The model is being deployed");
    }
}
