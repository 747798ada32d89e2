package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bodies Snap's Marketing API answers with.
 *
 * <ul>
 *   <li>Success: {@code {"request_status": "SUCCESS", "request_id": …, "<things>": [{"sub_request_status":
 *       "SUCCESS", "<thing>": {…}}]}} (statuses upper-case, as the recorded answers write them).</li>
 *   <li>A request refused as a whole: {@code {"request_status": "ERROR", "request_id", "debug_message",
 *       "display_message", "error_code"}} — the shape and the 404 wording ({@code E3003}, "Resource can not
 *       be found") as public Snap clients quote them; a 400 carries the reason in {@code debug_message}.</li>
 *   <li>An entity refused inside a batch: {@code {"sub_request_status": "ERROR", "sub_request_error_reason":
 *       "Error code: E2002, message: …"}}, the form public clients show for Snap's per-entity errors.</li>
 * </ul>
 */
final class SnapResponses {

    static final String SUCCESS = "SUCCESS";
    static final String ERROR = "ERROR";

    private SnapResponses() {
    }

    /** A request id in the form Snap's take: 29 hex digits. */
    static String requestId() {
        byte[] bytes = new byte[15];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, 29);
    }

    /** @return a successful envelope around the entities */
    static ObjectNode envelope(String plural, String singular, List<ObjectNode> entities) {
        ObjectNode root = head(SUCCESS);
        ArrayNode items = root.putArray(plural);
        for (ObjectNode entity : entities) {
            items.addObject().put("sub_request_status", SUCCESS).set(singular, entity);
        }
        return root;
    }

    /** @return the top of an envelope: {@code request_status} and a fresh {@code request_id} */
    static ObjectNode head(String status) {
        return Json.object().put("request_status", status).put("request_id", requestId());
    }

    /** @return one refused entity of a batch */
    static ObjectNode subRequestError(String code, String message) {
        return Json.object().put("sub_request_status", ERROR)
                .put("sub_request_error_reason", "Error code: " + code + ", message: " + message);
    }

    static ApiResponse ok(ObjectNode body) {
        return ApiResponse.json(200, Json.write(body));
    }

    /** Snap's answer for an entity it does not know. */
    static ApiResponse notFound() {
        return ApiResponse.json(404, Json.write(head(ERROR)
                .put("debug_message", "Resource can not be found")
                .put("display_message", "We're sorry, but the requested resource is not available at this time")
                .put("error_code", "E3003")));
    }

    /** Snap's answer for a request it will not run; the reason goes in {@code debug_message}. */
    static ApiResponse invalid(String debugMessage) {
        return ApiResponse.json(400, Json.write(head(ERROR).put("debug_message", debugMessage)));
    }
}
