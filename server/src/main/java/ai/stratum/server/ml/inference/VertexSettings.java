package ai.stratum.server.ml.inference;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code ML_PROVIDER=vertex} sends predictions, checked when the server starts:
 * <ul>
 *   <li>{@code VERTEX_AI_ENDPOINT}: the endpoint, as its id (with {@code GOOGLE_CLOUD_PROJECT} and
 *   {@code VERTEX_AI_LOCATION}) or its resource name {@code projects/P/locations/L/endpoints/E};
 *   {@code VERTEX_AI_ROAS_ENDPOINT}, {@code VERTEX_AI_CONVERSION_ENDPOINT}, {@code VERTEX_AI_FATIGUE_ENDPOINT}
 *   give a model type an endpoint of its own;</li>
 *   <li>{@code VERTEX_AI_BASE_URL}: the API's base URL, {@code https://LOCATION-aiplatform.googleapis.com}
 *   by default (tests point it at a local server);</li>
 *   <li>{@code GOOGLE_APPLICATION_CREDENTIALS}: a service account key file; without it, the access token
 *   comes from the metadata server of the machine (Compute Engine, GKE, Cloud Run), at
 *   {@code GCE_METADATA_HOST} when set;</li>
 *   <li>{@code VERTEX_AI_TIMEOUT}: how long a prediction may take, 10 s by default.</li>
 * </ul>
 */
@Singleton
@Requires(property = MlProvider.PROPERTY, value = MlProvider.VERTEX)
public class VertexSettings {

    private static final Pattern RESOURCE = Pattern.compile("projects/[^/]+/locations/([^/]+)/endpoints/[^/]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final Map<ModelType, String> endpoints = new EnumMap<>(ModelType.class);
    private final URI baseUrl;
    private final Optional<Path> credentials;
    private final URI metadataServer;
    private final Duration timeout;

    public VertexSettings(@Value("${stratum.ml.vertex.endpoint:}") String endpoint,
                          @Value("${stratum.ml.vertex.roas-endpoint:}") String roasEndpoint,
                          @Value("${stratum.ml.vertex.conversion-endpoint:}") String conversionEndpoint,
                          @Value("${stratum.ml.vertex.fatigue-endpoint:}") String fatigueEndpoint,
                          @Value("${stratum.ml.vertex.project:}") String project,
                          @Value("${stratum.ml.vertex.location:us-central1}") String location,
                          @Value("${stratum.ml.vertex.base-url:}") String baseUrl,
                          @Value("${stratum.ml.vertex.credentials:}") String credentials,
                          @Value("${stratum.ml.vertex.metadata-host:}") String metadataHost,
                          @Value("${stratum.ml.vertex.timeout:10s}") Duration timeout) {
        Map<ModelType, String> configured = Map.of(ModelType.ROAS, roasEndpoint, ModelType.CONVERSION, conversionEndpoint,
                ModelType.FATIGUE, fatigueEndpoint);
        String endpointLocation = location;
        for (ModelType type : ModelType.values()) {
            String chosen = configured.get(type).isBlank() ? endpoint : configured.get(type);
            if (!chosen.isBlank()) {
                endpoints.put(type, resourceName(chosen.strip(), project, location));
                var matcher = RESOURCE.matcher(endpoints.get(type));
                if (matcher.matches()) {
                    endpointLocation = matcher.group(1);
                }
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("ML_PROVIDER=vertex needs VERTEX_AI_ENDPOINT (or VERTEX_AI_<TYPE>_ENDPOINT)");
        }
        this.baseUrl = baseUrl.isBlank() ? URI.create("https://" + endpointLocation + "-aiplatform.googleapis.com") : checked(baseUrl);
        this.credentials = credentials.isBlank() ? Optional.empty() : Optional.of(Path.of(credentials));
        this.metadataServer = URI.create("http://" + (metadataHost.isBlank() ? "metadata.google.internal" : metadataHost.strip()));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("VERTEX_AI_TIMEOUT must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    /** @return the endpoint's resource name for that model type, if one is configured */
    public Optional<String> endpoint(ModelType type) {
        return Optional.ofNullable(endpoints.get(type));
    }

    /** @return {@code POST} here to predict with that endpoint */
    public URI predictUrl(String endpoint) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v1/" + endpoint + ":predict");
    }

    public Optional<Path> credentials() {
        return credentials;
    }

    public URI metadataServer() {
        return metadataServer;
    }

    public Duration timeout() {
        return timeout;
    }

    private static String resourceName(String endpoint, String project, String location) {
        if (RESOURCE.matcher(endpoint).matches()) {
            return endpoint;
        }
        if (!ID.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("VERTEX_AI_ENDPOINT must be an endpoint id or projects/P/locations/L/endpoints/E, was '"
                    + endpoint + "'");
        }
        if (project.isBlank()) {
            throw new IllegalArgumentException("VERTEX_AI_ENDPOINT '" + endpoint + "' is an id: set GOOGLE_CLOUD_PROJECT too");
        }
        return "projects/" + project.strip() + "/locations/" + location.strip() + "/endpoints/" + endpoint;
    }

    private static URI checked(String url) {
        URI uri = URI.create(url.strip());
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("VERTEX_AI_BASE_URL must be an http(s) URL, was '" + url + "'");
        }
        return uri;
    }
}
