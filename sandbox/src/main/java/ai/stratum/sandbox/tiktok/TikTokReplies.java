package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TikTok's response envelope {@code {code, message, request_id, data}}, on HTTP 200 for successes
 * and refusals alike: {@code code} 0 and {@code message} "OK" with the data, or the return code and
 * TikTok's message with an empty {@code data} object. The {@code request_id} is TikTok's log id: a
 * UTC timestamp ({@code yyyyMMddHHmmss}) and 18 upper-case hex digits.
 */
final class TikTokReplies {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private TikTokReplies() {
    }

    /** @return a success carrying the data */
    static ApiResponse ok(JsonNode data) {
        return ApiResponse.json(200, Json.write(envelope(0, "OK").set("data", data)));
    }

    /** @return a refusal inside an HTTP 200 */
    static ApiResponse error(int code, String message) {
        return error(200, code, message);
    }

    /** @return a refusal on the given HTTP status */
    static ApiResponse error(int status, int code, String message) {
        return ApiResponse.json(status, Json.write(envelope(code, message).set("data", Json.object())));
    }

    /** @return the opening of a success envelope cut off inside its data, as a broken connection leaves it */
    static ApiResponse truncated() {
        String whole = Json.write(envelope(0, "OK").set("data", Json.object().put("truncated", true)));
        return ApiResponse.json(200, whole.substring(0, whole.indexOf("\"data\"") + 9));
    }

    private static ObjectNode envelope(int code, String message) {
        return Json.object().put("code", code).put("message", message).put("request_id", requestId());
    }

    static String requestId() {
        byte[] random = new byte[9];
        ThreadLocalRandom.current().nextBytes(random);
        return LocalDateTime.now(ZoneOffset.UTC).format(LOG_TIME) + HexFormat.of().withUpperCase().formatHex(random);
    }
}
