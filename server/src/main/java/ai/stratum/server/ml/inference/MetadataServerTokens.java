package ai.stratum.server.ml.inference;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Access tokens of the machine's service account from the metadata server that Compute Engine, GKE and
 * Cloud Run provide ({@code GET /computeMetadata/v1/instance/service-accounts/default/token} with
 * {@code Metadata-Flavor: Google}): the credentials Google's libraries fall back to without a key file.
 */
final class MetadataServerTokens extends CachedAccessTokens {

    private final HttpClient http;
    private final JsonMapper json;
    private final URI tokenUrl;
    private final Duration timeout;

    MetadataServerTokens(URI metadataServer, HttpClient http, JsonMapper json, Duration timeout, Clock clock) {
        super(clock);
        this.http = http;
        this.json = json;
        this.tokenUrl = metadataServer.resolve("/computeMetadata/v1/instance/service-accounts/default/token");
        this.timeout = timeout;
    }

    @Override
    Mono<Token> fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout).header("Metadata-Flavor", "Google").GET().build();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(this::token)
                .onErrorMap(e -> !(e instanceof PredictionUnavailableException),
                        e -> new PredictionUnavailableException("Could not get a Google access token from the metadata server at "
                                + tokenUrl.getHost() + " (" + e.getClass().getSimpleName() + "); set GOOGLE_APPLICATION_CREDENTIALS "
                                + "outside Google Cloud"));
    }

    private Token token(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new PredictionUnavailableException("The metadata server refused an access token: HTTP " + response.statusCode());
        }
        try {
            Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            Object expiresIn = body.get("expires_in");
            return token((String) body.get("access_token"), Duration.ofSeconds(expiresIn instanceof Number n ? n.longValue() : 0));
        } catch (IOException e) {
            throw new PredictionUnavailableException("The metadata server answered something that is not JSON");
        }
    }
}
