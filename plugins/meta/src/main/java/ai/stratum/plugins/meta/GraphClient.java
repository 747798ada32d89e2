package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sends Graph API requests through the host's transport and turns every answer into either a
 * JSON object or the matching {@link ai.stratum.plugin.api.ConnectorException}. The host has
 * already absorbed 5xx, timeouts and HTTP 429 by the time an answer arrives here.
 *
 * <p>API calls carry the connection's token in an {@code Authorization: Bearer} header rather than
 * the {@code access_token} parameter, so no token ever sits in a URL (and so in a log line or an
 * error message). Token-endpoint calls carry none: they authenticate with the app's id and secret.
 */
final class GraphClient {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int TOO_MANY_REQUESTS = 429;

    private final ConnectorContext context;
    private final boolean withToken;

    private GraphClient(ConnectorContext context, boolean withToken) {
        this.context = context;
        this.withToken = withToken;
    }

    /** @return a client for API calls with the connection's access token */
    static GraphClient api(ConnectorContext context) {
        return new GraphClient(context, true);
    }

    /** @return a client for OAuth token-endpoint calls, without an access token */
    static GraphClient oauth(ConnectorContext context) {
        return new GraphClient(context, false);
    }

    CompletionStage<GraphResponse> get(URI uri) {
        return send(HttpTransport.Request.get(uri));
    }

    /**
     * @param repeatable whether sending the form twice has the effect of sending it once (absolute
     *                   updates), so the host may retry it after a timeout or 5xx
     */
    CompletionStage<GraphResponse> post(URI uri, Map<String, String> form, boolean repeatable) {
        HttpTransport.Request request = HttpTransport.Request.post(uri, FORM, GraphUrls.formEncode(form));
        return send(repeatable ? request.asRepeatable() : request);
    }

    /** A DELETE with a form body, as Graph edges such as {@code /{audience_id}/users} take it; repeatable. */
    CompletionStage<GraphResponse> delete(URI uri, Map<String, String> form) {
        return send(new HttpTransport.Request("DELETE", uri, Map.of("Content-Type", FORM),
                GraphUrls.formEncode(form), true));
    }

    private CompletionStage<GraphResponse> send(HttpTransport.Request request) {
        HttpTransport.Request authorized = withToken
                ? request.withHeader("Authorization", "Bearer " + context.credentials().accessToken())
                : request;
        return context.http().send(authorized).thenApply(response -> read(request, response, !withToken));
    }

    private static GraphResponse read(HttpTransport.Request request, HttpTransport.Response response,
            boolean tokenEndpoint) {
        String what = "an answer to " + request.method() + " " + request.uri().getPath();
        if (response.status() == TOO_MANY_REQUESTS) {
            // the host hands a 429 over when it named no Retry-After and retries ran out
            throw GraphErrors.tooManyRequests(response);
        }
        if (!response.isSuccess() && !looksLikeJson(response.body())) {
            throw JsonFields.malformed("Meta answered HTTP " + response.status() + " without a Graph error to "
                    + request.method() + " " + request.uri().getPath());
        }
        JsonNode json = JsonFields.parseObject(response.body(), what);
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            throw GraphErrors.toException(response, error, tokenEndpoint);
        }
        if (!response.isSuccess()) {
            throw JsonFields.malformed("Meta answered HTTP " + response.status() + " without a Graph error to "
                    + request.method() + " " + request.uri().getPath());
        }
        return new GraphResponse(json, response.body());
    }

    private static boolean looksLikeJson(String body) {
        return body.stripLeading().startsWith("{");
    }
}
