package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Reads TikTok's response envelope {@code {code, message, request_id, data}}. TikTok answers
 * HTTP 200 for errors too; a non-zero {@code code} is mapped by {@link TikTokErrors}. An HTTP 4xx
 * means the request never reached the API (wrong path or method), so it is a refusal. HTTP 5xx
 * and 429 never arrive here: the host's transport retries them and fails the stage itself.
 */
final class TikTokEnvelope {

    private TikTokEnvelope() {
    }

    /**
     * @param response the HTTP response
     * @param what     the call, for messages, for example {@code GET campaign/get}
     * @param now      the current time, for rate-limit waits
     * @return the data of a successful answer
     * @throws ConnectorException for every other answer
     */
    static TikTokReply read(HttpTransport.Response response, String what, Instant now) {
        if (!response.isSuccess()) {
            throw ConnectorException.rejected("TikTok answered HTTP " + response.status() + " to " + what,
                    "HTTP_" + response.status());
        }
        JsonNode root = TikTokJson.parse(response.body(), what);
        JsonNode code = root.path("code");
        if (!root.isObject() || !code.canConvertToInt() || !code.isIntegralNumber()) {
            throw ConnectorException.malformedResponse("TikTok's answer to " + what
                    + " has no numeric return code", null);
        }
        if (code.intValue() != 0) {
            throw TikTokErrors.map(code.intValue(), root.path("message").asText(""),
                    root.path("request_id").asText(""), now);
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw ConnectorException.malformedResponse("TikTok's answer to " + what
                    + " has return code 0 but no data object", null);
        }
        return new TikTokReply(data, response.body());
    }
}
