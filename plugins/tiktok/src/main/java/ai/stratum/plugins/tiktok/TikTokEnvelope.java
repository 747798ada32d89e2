package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Reads TikTok's response envelope {@code {code, message, request_id, data}}. TikTok answers
 * HTTP 200 for errors too; a non-zero {@code code} is mapped by {@link TikTokErrors}. An HTTP 4xx
 * means the request never reached the API (wrong path or method), so it is a refusal. HTTP 5xx
 * never arrives here: the host's transport retries it and fails the stage itself. TikTok signals
 * its rate limits inside a 200, but a gateway in front of it may answer HTTP 429; the host hands a
 * 429 without {@code Retry-After} over once its own retries run out, and it is a rate limit with
 * TikTok's per-minute recovery ({@link TikTokRateLimitWait#PER_MINUTE}).
 */
final class TikTokEnvelope {

    private static final int TOO_MANY_REQUESTS = 429;

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
        if (response.status() == TOO_MANY_REQUESTS) {
            throw ConnectorException.rateLimited("TikTok answered HTTP 429 to " + what
                    + " after the host's retries, without saying how long to wait", TikTokRateLimitWait.PER_MINUTE);
        }
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
