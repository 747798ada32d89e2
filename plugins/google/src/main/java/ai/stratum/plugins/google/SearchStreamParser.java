package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code googleAds:searchStream} body: a JSON array of {@code SearchGoogleAdsStreamResponse}
 * batches, each with {@code results[]}, {@code fieldMask} and {@code requestId}
 * ({@code queryResourceConsumption} only in the last). A batch without {@code results} holds no
 * rows (that is how a query matching nothing answers). An error that happens after the stream
 * started comes as an array element {@code {"error":{…}}} inside an HTTP 200; the whole answer
 * then fails, so no partial result is ever used.
 */
final class SearchStreamParser {

    private SearchStreamParser() {
    }

    /**
     * @param body the response body
     * @return the rows of all batches, in order
     * @throws ConnectorException malformed when the body is not an array of batches, or the
     *                            mapped error of an error element
     */
    static List<JsonNode> rows(String body) {
        JsonNode root = GoogleJson.parse(body, "the searchStream answer");
        if (!root.isArray()) {
            throw GoogleJson.malformed("the searchStream answer is not a JSON array of batches");
        }
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode batch : root) {
            if (!batch.isObject()) {
                throw GoogleJson.malformed("a searchStream batch is not an object: " + batch);
            }
            if (batch.has("error")) {
                throw GoogleAdsErrorMapper.fromStreamError(batch.get("error"), 200);
            }
            JsonNode results = batch.path("results");
            if (results.isMissingNode()) {
                continue;
            }
            if (!results.isArray()) {
                throw GoogleJson.malformed("searchStream results is not an array");
            }
            results.forEach(rows::add);
        }
        return rows;
    }
}
