package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sends Marketing API requests through the host's transport with the connection's bearer token, and
 * hands back only successful envelopes: every refusal becomes a {@code ConnectorException} here
 * ({@link SnapchatErrors}), every unreadable body a malformed response.
 */
final class SnapchatApi {

    private final ConnectorContext context;
    private final SnapchatUrls urls;

    SnapchatApi(ConnectorContext context) {
        this.context = context;
        this.urls = new SnapchatUrls(context.endpoints());
    }

    SnapchatUrls urls() {
        return urls;
    }

    /** A GET, which the host may retry. */
    CompletionStage<SnapchatResponse> get(URI uri, String what) {
        return send(new HttpTransport.Request("GET", uri, headers(false), "", true), what);
    }

    /**
     * A request with a JSON body.
     *
     * @param repeatable true for absolute writes (a full object PUT, an idempotent add), which the
     *                   host may then retry after a timeout or 5xx
     */
    CompletionStage<SnapchatResponse> sendJson(String method, URI uri, JsonNode body, boolean repeatable,
            String what) {
        return send(new HttpTransport.Request(method, uri, headers(true), SnapJson.write(body), repeatable), what);
    }

    private Map<String, String> headers(boolean json) {
        String authorization = "Bearer " + context.credentials().accessToken();
        return json
                ? Map.of("Authorization", authorization, "Accept", "application/json",
                        "Content-Type", "application/json")
                : Map.of("Authorization", authorization, "Accept", "application/json");
    }

    private CompletionStage<SnapchatResponse> send(HttpTransport.Request request, String what) {
        return context.http().send(request).thenApply(response -> read(response, what));
    }

    private SnapchatResponse read(HttpTransport.Response response, String what) {
        if (!response.isSuccess()) {
            throw SnapchatErrors.forStatus(response, context.clock());
        }
        ObjectNode root = SnapJson.parseObject(response.body(), what);
        String status = SnapJson.text(root, "request_status", what);
        if (SnapEnvelope.isSuccess(status)) {
            return new SnapchatResponse(root, response.body());
        }
        if ("ERROR".equalsIgnoreCase(status)) {
            throw SnapchatErrors.forErrorEnvelope(response);
        }
        throw SnapJson.malformed(what, "unexpected request_status " + status);
    }

    /**
     * A successful Marketing API answer.
     *
     * @param root the parsed envelope
     * @param body the body exactly as received, for action results
     */
    record SnapchatResponse(ObjectNode root, String body) {
    }
}
