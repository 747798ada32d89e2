package ai.stratum.server.ml.inference;

import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import ai.stratum.server.tenancy.TenantId;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Vertex AI provider against a local server that speaks Vertex AI's REST {@code :predict} protocol
 * and Google's OAuth token endpoint: what it sends, what it reads back, and each way it fails.
 */
class VertexPredictionProviderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ENDPOINT = "projects/stratum-test/locations/europe-west4/endpoints/4242";
    private static final String PREDICT = "/v1/" + ENDPOINT + ":predict";
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final List<double[]> TWO_ROWS = List.of(new double[] {3.1, 2.9, 120.5}, new double[] {1.2, 1.4, 80});

    private final JsonMapper json = JsonMapper.createDefault();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WireServer google;
    private KeyPair key;
    private Path keyFile;

    @TempDir
    Path directory;

    @BeforeEach
    void googleAndAServiceAccount() throws Exception {
        google = WireServer.start();
        ServiceAccountKey serviceAccount = ServiceAccountKey.write(directory, google.baseUrl());
        key = serviceAccount.key();
        keyFile = serviceAccount.file();
        google.on("POST", "/token").respond(WireResponse.json(200, "{\"access_token\":\"ya29.first\",\"expires_in\":3599,"
                + "\"token_type\":\"Bearer\"}"));
    }

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void sendsTheRowsAsInstancesWithABearerTokenAndReadsThePredictions() throws Exception {
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[3.25,1.1],\"deployedModelId\":\"7\"}"));

        List<Prediction> predictions = provider(settings(ENDPOINT, "")).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT);

        assertThat(predictions).containsExactly(Prediction.of(3.25), Prediction.of(1.1));
        RecordedRequest predict = google.requests("POST", PREDICT).get(0);
        assertThat(predict.header("Authorization")).contains("Bearer ya29.first");
        assertThat(predict.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.readValue(predict.body(), Map.class)).isEqualTo(Map.of("instances", List.of(List.of(3.1, 2.9, 120.5),
                List.of(1.2, 1.4, 80.0))));
    }

    @Test
    void exchangesASignedAssertionForTheAccessTokenAndReusesIt() throws Exception {
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[1,2]}"));
        VertexPredictionProvider provider = provider(settings(ENDPOINT, ""));

        provider.predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT);
        provider.predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT);

        List<RecordedRequest> tokenRequests = google.requests("POST", "/token");
        assertThat(tokenRequests).hasSize(1);
        Map<String, String> form = form(tokenRequests.get(0).body());
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) key.getPublic()))).isTrue();
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-1");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(ServiceAccountKey.CLIENT_EMAIL);
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(google.baseUrl() + "/token");
        assertThat(assertion.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
        assertThat(google.requests("POST", PREDICT)).hasSize(2);
    }

    @Test
    void readsAutoMlRegressionIntervalsAndClassificationScores() {
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[{\"value\":3.2,\"lower_bound\":2.9,"
                + "\"upper_bound\":3.6},{\"value\":1.5}]}"));
        VertexPredictionProvider provider = provider(settings(ENDPOINT, ""));

        assertThat(provider.predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .containsExactly(Prediction.of(3.2, 2.9, 3.6), Prediction.of(1.5));

        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[{\"classes\":[\"0\",\"1\"],\"scores\":[0.28,0.72]},"
                + "[0.9,0.1]]}"));
        assertThat(provider.predict(TENANT, ModelType.CONVERSION, TWO_ROWS).block(WAIT))
                .containsExactly(Prediction.of(0.72), Prediction.of(0.1));
    }

    @Test
    void failsWithTheStatusAndGooglesMessageWhenTheEndpointRefuses() {
        google.on("POST", PREDICT).respond(WireResponse.json(400, "{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload: "
                + "instances[0] must have 11 values\",\"status\":\"INVALID_ARGUMENT\"}}"));

        assertThatThrownBy(() -> provider(settings(ENDPOINT, "")).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class)
                .hasMessage("Vertex AI endpoint " + ENDPOINT + " answered HTTP 400: INVALID_ARGUMENT: Invalid JSON payload: "
                        + "instances[0] must have 11 values");
        assertThat(meters.timer("stratum.ml.vertex.requests", "model", "ROAS", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void failsWhenTheEndpointDoesNotAnswerInTime() {
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[1,2]}").delayedBy(Duration.ofSeconds(2)));
        VertexPredictionProvider provider = provider(settings(ENDPOINT, "", Duration.ofMillis(300)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> provider.predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class)
                .hasMessage("Vertex AI endpoint " + ENDPOINT + " did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void failsWhenTheEndpointCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VertexSettings unreachable = new VertexSettings(ENDPOINT, "", "", "", "", "us-central1", "http://127.0.0.1:" + closedPort,
                keyFile.toString(), "", Duration.ofSeconds(2));

        assertThatThrownBy(() -> provider(unreachable).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class)
                .hasMessageContaining("could not be reached (ConnectException)");
    }

    @Test
    void failsWhenTheAnswerIsNotOnePredictionPerInstance() {
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[3.2]}"));
        assertThatThrownBy(() -> provider(settings(ENDPOINT, "")).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class).hasMessageEndingWith("answered 1 predictions for 2 instances");

        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[\"high\",\"low\"]}"));
        assertThatThrownBy(() -> provider(settings(ENDPOINT, "")).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class).hasMessageContaining("a prediction shaped a String");

        google.on("POST", PREDICT).respond(WireResponse.of(502, "<html>Bad gateway</html>"));
        assertThatThrownBy(() -> provider(settings(ENDPOINT, "")).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class).hasMessageEndingWith("answered HTTP 502: <html>Bad gateway</html>");
    }

    @Test
    void fetchesANewTokenAfterTheEndpointRefusedTheOldOne() {
        google.once("POST", PREDICT).respond(WireResponse.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid "
                + "authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}"));
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[1,2]}"));
        VertexPredictionProvider provider = provider(settings(ENDPOINT, ""));

        assertThatThrownBy(() -> provider.predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .hasMessageContaining("HTTP 401: UNAUTHENTICATED");
        assertThat(provider.predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT)).hasSize(2);
        assertThat(google.requests("POST", "/token")).hasSize(2);
    }

    @Test
    void failsWithTheTokenEndpointsReasonAndNeverTheKey() {
        google.on("POST", "/token").respond(WireResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"Invalid JWT Signature.\"}"));

        assertThatThrownBy(() -> provider(settings(ENDPOINT, "")).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class)
                .hasMessage("Google's token endpoint refused the service account's assertion: HTTP 400 invalid_grant: Invalid JWT Signature.")
                .message().doesNotContain("PRIVATE KEY");
        assertThat(google.requests("POST", PREDICT)).isEmpty();
    }

    @Test
    void takesTheMachinesTokenFromTheMetadataServerWithoutAKeyFile() {
        google.on("GET", "/computeMetadata/v1/instance/service-accounts/default/token")
                .respond(WireResponse.json(200, "{\"access_token\":\"ya29.machine\",\"expires_in\":3000,\"token_type\":\"Bearer\"}"));
        google.on("POST", PREDICT).respond(WireResponse.json(200, "{\"predictions\":[1,2]}"));
        VertexSettings settings = new VertexSettings(ENDPOINT, "", "", "", "", "us-central1", google.baseUrl().toString(), "",
                google.baseUrl().getAuthority(), Duration.ofSeconds(5));

        provider(settings).predict(TENANT, ModelType.ROAS, TWO_ROWS).block(WAIT);

        RecordedRequest metadata = google.requests("GET", "/computeMetadata/v1/instance/service-accounts/default/token").get(0);
        assertThat(metadata.header("Metadata-Flavor")).contains("Google");
        assertThat(google.requests("POST", PREDICT).get(0).header("Authorization")).contains("Bearer ya29.machine");
    }

    @Test
    void sendsEachModelTypeToItsOwnEndpointAndRefusesATypeWithout() {
        String conversion = "projects/stratum-test/locations/europe-west4/endpoints/77";
        google.on("POST", "/v1/" + conversion + ":predict").respond(WireResponse.json(200, "{\"predictions\":[0.4,0.6]}"));
        VertexSettings settings = new VertexSettings("", ENDPOINT, conversion, "", "", "us-central1", google.baseUrl().toString(),
                keyFile.toString(), "", Duration.ofSeconds(5));
        VertexPredictionProvider provider = provider(settings);

        assertThat(provider.predict(TENANT, ModelType.CONVERSION, TWO_ROWS).block(WAIT)).containsExactly(Prediction.of(0.4), Prediction.of(0.6));
        assertThatThrownBy(() -> provider.predict(TENANT, ModelType.FATIGUE, TWO_ROWS).block(WAIT))
                .isInstanceOf(PredictionUnavailableException.class)
                .hasMessage("No Vertex AI endpoint is configured for FATIGUE (VERTEX_AI_FATIGUE_ENDPOINT or VERTEX_AI_ENDPOINT)");
        assertThat(provider.predict(TENANT, ModelType.ROAS, List.of()).block(WAIT)).isEmpty();
    }

    @Test
    void namesTheEndpointFromItsIdProjectAndLocationAndDefaultsTheBaseUrlToTheRegion() {
        VertexSettings byId = new VertexSettings("4242", "", "", "", "stratum-test", "europe-west4", "", keyFile.toString(), "",
                Duration.ofSeconds(5));

        assertThat(byId.endpoint(ModelType.ROAS)).contains(ENDPOINT);
        assertThat(byId.predictUrl(ENDPOINT).toString())
                .isEqualTo("https://europe-west4-aiplatform.googleapis.com/v1/" + ENDPOINT + ":predict");
    }

    @Test
    void refusesSettingsItCannotWorkWith() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings("", "")).withMessageContaining("needs VERTEX_AI_ENDPOINT");
        assertThatIllegalArgumentException().isThrownBy(() -> new VertexSettings("4242", "", "", "", "", "us-central1", "", "", "",
                Duration.ofSeconds(1))).withMessageContaining("set GOOGLE_CLOUD_PROJECT too");
        assertThatIllegalArgumentException().isThrownBy(() -> new VertexSettings("not/an/endpoint", "", "", "", "p", "us-central1", "",
                "", "", Duration.ofSeconds(1))).withMessageContaining("must be an endpoint id or projects/P/locations/L/endpoints/E");
        assertThatIllegalArgumentException().isThrownBy(() -> new VertexSettings(ENDPOINT, "", "", "", "", "us-central1", "ftp://x",
                "", "", Duration.ofSeconds(1))).withMessageContaining("VERTEX_AI_BASE_URL must be an http(s) URL");
        assertThatIllegalArgumentException().isThrownBy(() -> new VertexSettings(ENDPOINT, "", "", "", "", "us-central1", "", "", "",
                Duration.ZERO)).withMessageContaining("VERTEX_AI_TIMEOUT must be positive");
    }

    @Test
    void refusesAKeyFileThatIsNotAServiceAccountsKey() throws Exception {
        Path user = directory.resolve("user.json");
        Files.writeString(user, "{\"type\":\"authorized_user\",\"client_id\":\"x\"}");
        Path broken = directory.resolve("broken.json");
        Files.writeString(broken, "{\"type\":\"service_account\",\"client_email\":\"a@b\",\"private_key\":\"not a key\"}");

        assertThatIllegalArgumentException().isThrownBy(() -> provider(settingsWithKey(user))).withMessageContaining("is not a service account key");
        assertThatIllegalArgumentException().isThrownBy(() -> provider(settingsWithKey(broken)))
                .withMessageContaining("holds no readable RSA private key").withMessageNotContaining("not a key");
        assertThatIllegalArgumentException().isThrownBy(() -> provider(settingsWithKey(directory.resolve("missing.json"))))
                .withMessageContaining("Cannot read GOOGLE_APPLICATION_CREDENTIALS");
    }

    private VertexSettings settingsWithKey(Path file) {
        return new VertexSettings(ENDPOINT, "", "", "", "", "us-central1", google.baseUrl().toString(), file.toString(), "",
                Duration.ofSeconds(5));
    }

    private VertexSettings settings(String endpoint, String project) {
        return settings(endpoint, project, Duration.ofSeconds(5));
    }

    private VertexSettings settings(String endpoint, String project, Duration timeout) {
        return new VertexSettings(endpoint, "", "", "", project, "us-central1", google.baseUrl().toString(), keyFile.toString(), "",
                timeout);
    }

    private VertexPredictionProvider provider(VertexSettings settings) {
        return new VertexPredictionProvider(settings, json, meters, Clock.systemUTC());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
