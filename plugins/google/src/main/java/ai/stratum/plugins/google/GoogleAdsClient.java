package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.Telemetry;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends requests to the Google Ads REST API through the host's transport, with the headers every
 * call needs: {@code Authorization: Bearer}, and {@code developer-token} and
 * {@code login-customer-id} when configured ({@link GoogleCredentialKeys}). Answers that are not
 * 2xx become {@link ConnectorException}s through {@link GoogleAdsErrorMapper}.
 */
final class GoogleAdsClient {

    private static final String JSON = "application/json";

    private final ConnectorContext context;
    private final GoogleAdsUrls urls;

    GoogleAdsClient(ConnectorContext context) {
        this.context = context;
        this.urls = new GoogleAdsUrls(context.endpoints());
    }

    GoogleAdsUrls urls() {
        return urls;
    }

    /**
     * Runs a GAQL query through {@code googleAds:searchStream}, which answers with every row at
     * once (a JSON array of batches, no page tokens). A read, so the host may retry it.
     *
     * @param customer the account
     * @param gaql     the query
     * @return the rows of all batches and the raw body
     */
    CompletionStage<SearchStreamResult> search(CustomerId customer, String gaql) {
        String body = GoogleJson.write(GoogleJson.object().put("query", gaql));
        return post(urls.searchStream(customer), body, true).thenApply(response -> {
            List<JsonNode> rows = SearchStreamParser.rows(response.body());
            context.telemetry().count("google.searchstream.rows", rows.size(), Map.of());
            return new SearchStreamResult(rows, response.body());
        });
    }

    /**
     * POSTs a JSON body and parses the JSON answer.
     *
     * @param uri        where
     * @param body       the JSON body
     * @param repeatable whether sending it twice has the effect of sending it once
     * @return the answer
     */
    CompletionStage<ApiResponse> post(URI uri, String body, boolean repeatable) {
        HttpTransport.Request request;
        try {
            request = authorized(HttpTransport.Request.post(uri, JSON, body));
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpTransport.Request toSend = repeatable ? request.asRepeatable() : request;
        return context.http().send(toSend).thenApply(response -> {
            if (!response.isSuccess()) {
                ConnectorException failure = GoogleAdsErrorMapper.fromResponse(response);
                context.telemetry().log(Telemetry.Level.WARN, "google.request.failed", Map.of(
                        "path", uri.getPath(), "status", String.valueOf(response.status()),
                        "failure", failure.failure().name()));
                throw failure;
            }
            return new ApiResponse(response.body(), GoogleJson.parse(response.body(), "the answer of " + uri.getPath()));
        });
    }

    private HttpTransport.Request authorized(HttpTransport.Request request) {
        HttpTransport.Request withToken = request.withHeader("Authorization", "Bearer " + context.credentials().accessToken());
        HttpTransport.Request withDeveloperToken = context.credentials().get(GoogleCredentialKeys.DEVELOPER_TOKEN)
                .filter(token -> !token.isBlank())
                .map(token -> withToken.withHeader("developer-token", token))
                .orElse(withToken);
        return context.credentials().get(GoogleCredentialKeys.LOGIN_CUSTOMER_ID)
                .filter(id -> !id.isBlank())
                .map(id -> withDeveloperToken.withHeader("login-customer-id", loginCustomerId(id)))
                .orElse(withDeveloperToken);
    }

    private static String loginCustomerId(String configured) {
        try {
            return CustomerId.of(configured).digits();
        } catch (ConnectorException e) {
            throw ConnectorException.rejected("the configured " + GoogleCredentialKeys.LOGIN_CUSTOMER_ID
                    + " is not a Google Ads customer id (ten digits, dashes allowed)", null);
        }
    }

    /**
     * A successful answer.
     *
     * @param body the body as received
     * @param json the body parsed
     */
    record ApiResponse(String body, JsonNode json) {
    }

    /**
     * The answer of a searchStream call.
     *
     * @param rows    the {@code results} of every batch, in order
     * @param rawBody the body as received
     */
    record SearchStreamResult(List<JsonNode> rows, String rawBody) {
    }
}
