package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sends Marketing API calls for one connection through the host's transport: the connection's
 * token in the {@code Access-Token} header (TikTok's scheme, not {@code Authorization: Bearer}),
 * URLs on the context's API base URL, answers read through {@link TikTokEnvelope}.
 *
 * <p>Every write this plugin sends sets an absolute value (a budget, a status) or appends a file
 * TikTok deduplicates, so writes are marked repeatable and the host may retry them after a 5xx.
 */
final class TikTokApi {

    private static final String ACCESS_TOKEN_HEADER = "Access-Token";

    private final ConnectorContext context;

    TikTokApi(ConnectorContext context) {
        this.context = context;
    }

    /** GETs a resource; the query's JSON arrays are passed as their JSON text. */
    CompletionStage<TikTokReply> get(String path, Map<String, String> query) {
        URI uri = TikTokUrls.api(context.endpoints().api(), path, query);
        return send(HttpTransport.Request.get(uri), "GET " + path);
    }

    /** POSTs a JSON body. */
    CompletionStage<TikTokReply> post(String path, JsonNode body) {
        URI uri = TikTokUrls.api(context.endpoints().api(), path, Map.of());
        HttpTransport.Request request = HttpTransport.Request.post(uri, "application/json", TikTokJson.write(body))
                .asRepeatable();
        return send(request, "POST " + path);
    }

    /** POSTs a multipart form. */
    CompletionStage<TikTokReply> postMultipart(String path, MultipartForm form) {
        URI uri = TikTokUrls.api(context.endpoints().api(), path, Map.of());
        HttpTransport.Request request = HttpTransport.Request.post(uri, form.contentType(), form.body())
                .asRepeatable();
        return send(request, "POST " + path);
    }

    private CompletionStage<TikTokReply> send(HttpTransport.Request request, String what) {
        HttpTransport.Request signed = request.withHeader(ACCESS_TOKEN_HEADER, context.credentials().accessToken());
        return context.http().send(signed)
                .thenApply(response -> TikTokEnvelope.read(response, what, context.clock().instant()));
    }
}
