package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Fault;

/**
 * How Snap's Marketing API shows each fault, in the recorded error shape
 * {@code {"request_status": "ERROR", "request_id", "msg"}}.
 *
 * <ul>
 *   <li>Rate limit: HTTP 429, {@code "msg": "Rate limit exceeded"} (recorded), and no {@code Retry-After}
 *       or rate-limit header: Snap documents none, so the wait the fault names is not on the wire.</li>
 *   <li>Server error: the fault's 5xx status, {@code msg} its reason phrase.</li>
 *   <li>Malformed: HTTP 200 with an envelope cut off mid-way.</li>
 *   <li>Expired access token: HTTP 401, {@code "msg": "Unauthorized"} — the recorded answer; Snap's
 *       tokens last 30 minutes, and that bare answer is what a client sees when one ran out.</li>
 *   <li>Revoked or unknown access token: HTTP 401, {@code "msg": "Invalid access token"}, Snap's wording
 *       for a token it does not accept (its Conversions API answers a bad token so).</li>
 * </ul>
 */
final class SnapFaults {

    static final String RATE_LIMITED = "Rate limit exceeded";
    static final String EXPIRED = "Unauthorized";
    static final String INVALID_TOKEN = "Invalid access token";

    private SnapFaults() {
    }

    static ApiResponse of(Fault fault) {
        if (fault instanceof Fault.RateLimit) {
            return error(429, RATE_LIMITED);
        }
        if (fault instanceof Fault.ServerError serverError) {
            return error(serverError.status(), reasonPhrase(serverError.status()));
        }
        if (fault instanceof Fault.Malformed) {
            return ApiResponse.json(200, "{\"request_status\":\"SUCCESS\",\"request_id\":\""
                    + SnapResponses.requestId() + "\",\"campaigns\":[{\"sub_request_status\":\"SUCCESS\","
                    + "\"campaign\":{\"id\":");
        }
        if (fault instanceof Fault.TokenExpired) {
            return error(401, EXPIRED);
        }
        if (fault instanceof Fault.TokenRevoked) {
            return error(401, INVALID_TOKEN);
        }
        throw new IllegalArgumentException("the server applies " + fault + " itself");
    }

    private static ApiResponse error(int status, String message) {
        return ApiResponse.json(status, Json.write(SnapResponses.head(SnapResponses.ERROR).put("msg", message)));
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
    }
}
