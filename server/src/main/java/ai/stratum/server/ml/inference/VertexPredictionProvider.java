package ai.stratum.server.ml.inference;

import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code ML_PROVIDER=vertex}: predictions from a Vertex AI endpoint through its REST API,
 * {@code POST https://LOCATION-aiplatform.googleapis.com/v1/projects/P/locations/L/endpoints/E:predict}
 * with {@code {"instances": [[features…], …]}} and an OAuth 2.0 bearer token, answered with
 * {@code {"predictions": […], "deployedModelId": …}} ({@link VertexPredictions} reads the elements).
 *
 * <p>A refusal, an error status, an answer that is not one prediction per instance, or no answer within
 * {@code VERTEX_AI_TIMEOUT} fail the call with {@link PredictionUnavailableException} (UNAVAILABLE, naming
 * the status and Google's message). Nothing is retried here: predictions are cached by their callers,
 * and the scheduled jobs count a failure and move on. A 401 drops the cached token, so the next call
 * fetches a new one. Timed as {@code stratum.ml.vertex.requests} by model and outcome.
 */
@Singleton
@Requires(property = MlProvider.PROPERTY, value = MlProvider.VERTEX)
public class VertexPredictionProvider implements PredictionProvider {

    private static final Logger LOG = LoggerFactory.getLogger(VertexPredictionProvider.class);

    private final VertexSettings settings;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final AccessTokens tokens;

    public VertexPredictionProvider(VertexSettings settings, JsonMapper json, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.tokens = settings.credentials()
                .<AccessTokens>map(keyFile -> new ServiceAccountTokens(keyFile, http, json, settings.timeout(), clock))
                .orElseGet(() -> new MetadataServerTokens(settings.metadataServer(), http, json, settings.timeout(), clock));
    }

    @Override
    public Mono<List<Prediction>> predict(TenantId tenant, ModelType model, List<double[]> rows) {
        String endpoint = settings.endpoint(model).orElse(null);
        if (endpoint == null) {
            return Mono.error(noEndpoint(model));
        }
        if (rows.isEmpty()) {
            return Mono.just(List.of());
        }
        Timer.Sample sample = Timer.start(meters);
        return tokens.token()
                .flatMap(token -> send(endpoint, token, body(rows)))
                .map(response -> predictions(endpoint, model, rows.size(), response))
                .timeout(settings.timeout())
                .onErrorMap(error -> !(error instanceof PredictionUnavailableException), error -> unavailable(endpoint, error))
                .doOnSuccess(done -> sample.stop(meters.timer("stratum.ml.vertex.requests", "model", model.name(), "outcome", "ok")))
                .doOnError(error -> {
                    sample.stop(meters.timer("stratum.ml.vertex.requests", "model", model.name(), "outcome", "failed"));
                    LOG.warn("event=vertex_prediction_failed tenant={} model={} endpoint={} error=\"{}\"", tenant, model, endpoint,
                            error.getMessage());
                });
    }

    /**
     * The endpoint's resource name. A model redeployed behind the same endpoint is not seen here: cached
     * answers of the previous one live out their lifetime (at most 30 minutes).
     */
    @Override
    public Mono<String> version(TenantId tenant, ModelType model) {
        return settings.endpoint(model)
                .map(endpoint -> Mono.just("vertex-" + endpoint))
                .orElseGet(() -> Mono.error(noEndpoint(model)));
    }

    private Mono<HttpResponse<String>> send(String endpoint, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(settings.predictUrl(endpoint))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    private String body(List<double[]> rows) {
        List<List<Double>> instances = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            List<Double> instance = new ArrayList<>(row.length);
            for (double feature : row) {
                instance.add(feature);
            }
            instances.add(instance);
        }
        try {
            return json.writeValueAsString(Map.of("instances", instances));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the instances as JSON", e);
        }
    }

    private List<Prediction> predictions(String endpoint, ModelType model, int instances, HttpResponse<String> response) {
        if (response.statusCode() == 401) {
            tokens.invalidate();
        }
        if (response.statusCode() != 200) {
            throw new PredictionUnavailableException("Vertex AI endpoint " + endpoint + " answered HTTP " + response.statusCode() + ": "
                    + GoogleErrors.describe(response.body(), json));
        }
        Object predictions;
        try {
            predictions = json.readValue(response.body(), Argument.mapOf(String.class, Object.class)).get("predictions");
        } catch (IOException e) {
            throw new PredictionUnavailableException("Vertex AI endpoint " + endpoint + " answered something that is not JSON");
        }
        if (!(predictions instanceof List<?> elements) || elements.size() != instances) {
            throw new PredictionUnavailableException("Vertex AI endpoint " + endpoint + " answered "
                    + (predictions instanceof List<?> list ? list.size() + " predictions" : "no predictions array") + " for "
                    + instances + " instances");
        }
        List<Prediction> read = new ArrayList<>(instances);
        for (Object element : elements) {
            try {
                read.add(VertexPredictions.read(element, model));
            } catch (IllegalArgumentException e) {
                throw new PredictionUnavailableException("Vertex AI endpoint " + endpoint + " answered " + e.getMessage());
            }
        }
        return read;
    }

    private static PredictionUnavailableException noEndpoint(ModelType model) {
        return new PredictionUnavailableException("No Vertex AI endpoint is configured for " + model
                + " (VERTEX_AI_" + model + "_ENDPOINT or VERTEX_AI_ENDPOINT)");
    }

    private PredictionUnavailableException unavailable(String endpoint, Throwable error) {
        if (error instanceof TimeoutException || error instanceof HttpTimeoutException) {
            return new PredictionUnavailableException("Vertex AI endpoint " + endpoint + " did not answer within "
                    + settings.timeout().toMillis() + " ms");
        }
        return new PredictionUnavailableException("Vertex AI endpoint " + endpoint + " could not be reached ("
                + error.getClass().getSimpleName() + ")");
    }
}
