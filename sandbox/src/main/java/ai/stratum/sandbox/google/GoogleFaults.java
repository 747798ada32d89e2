package ai.stratum.sandbox.google;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

/**
 * How Google Ads shows each fault the sandbox injects.
 * <ul>
 *   <li>Rate limit: HTTP 429 RESOURCE_EXHAUSTED whose GoogleAdsFailure carries
 *       {@code quotaError: RESOURCE_EXHAUSTED} and {@code quotaErrorDetails.retryDelay} (a protobuf
 *       duration, {@code "600s"}), the only place Google names the wait: no {@code Retry-After}
 *       header.</li>
 *   <li>Server errors: 500 INTERNAL, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED with Google's
 *       {@code internalError} codes; 502 is the front end's HTML page.</li>
 *   <li>Malformed: a 200 whose body stops mid-JSON, as a stream cut off.</li>
 *   <li>Expired token: 401 UNAUTHENTICATED with the {@code google.rpc.ErrorInfo} reason
 *       {@code ACCESS_TOKEN_EXPIRED} of Google's front end. Revoked (or unknown) token: 401 with
 *       {@code authenticationError: OAUTH_TOKEN_REVOKED}; no token at all: 401 with the ErrorInfo
 *       reason {@code CREDENTIALS_MISSING}.</li>
 * </ul>
 * On {@code googleAds:searchStream} every JSON error comes wrapped in an array, as its answers do.
 */
final class GoogleFaults {

    static final String UNAUTHENTICATED_MESSAGE = "Request had invalid authentication credentials. Expected OAuth 2 "
            + "access token, login cookie or other valid authentication credential. See "
            + "https://developers.google.com/identity/sign-in/web/devconsole-project.";
    static final String MISSING_CREDENTIALS_MESSAGE = "Request is missing required authentication credential. Expected "
            + "OAuth 2 access token, login cookie or other valid authentication credential. See "
            + "https://developers.google.com/identity/sign-in/web/devconsole-project.";

    private GoogleFaults() {
    }

    static ApiResponse answer(Fault fault, ApiRequest request) {
        boolean stream = GoogleRoutes.isSearchStream(request.path());
        String requestId = GoogleErrors.requestId();
        if (fault instanceof Fault.RateLimit rateLimit) {
            return envelope(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED",
                    quotaFailure(rateLimit.retryAfter(), requestId), stream, requestId);
        }
        if (fault instanceof Fault.ServerError serverError) {
            return serverError(serverError.status(), stream, requestId);
        }
        if (fault instanceof Fault.Malformed) {
            String customer = GoogleRoutes.customerIn(request.path());
            String cut = stream
                    ? "[{\"results\":[{\"campaign\":{\"resourceName\":\"customers/" + customer + "/campaigns/"
                    : "{\"results\":[{\"resourceName\":\"customers/" + customer + "/";
            return ApiResponse.json(200, cut).withHeader("request-id", requestId);
        }
        if (fault instanceof Fault.TokenExpired) {
            ObjectNode info = GoogleJson.object().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                    .put("reason", "ACCESS_TOKEN_EXPIRED").put("domain", "googleapis.com");
            info.putObject("metadata").put("method", GoogleRoutes.rpcMethod(request.path()))
                    .put("service", "googleads.googleapis.com");
            return envelope(401, UNAUTHENTICATED_MESSAGE, "UNAUTHENTICATED", info, stream, requestId);
        }
        if (fault instanceof Fault.TokenRevoked) {
            if (request.bearerToken().isEmpty()) {
                ObjectNode info = GoogleJson.object().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                        .put("reason", "CREDENTIALS_MISSING").put("domain", "googleapis.com");
                return envelope(401, MISSING_CREDENTIALS_MESSAGE, "UNAUTHENTICATED", info, stream, requestId);
            }
            return envelope(401, UNAUTHENTICATED_MESSAGE, "UNAUTHENTICATED", GoogleErrors.adsFailure(List.of(AdsError.of(
                    "authenticationError", "OAUTH_TOKEN_REVOKED", "OAuth token in the header has been revoked.")),
                    requestId), stream, requestId);
        }
        throw new IllegalArgumentException("not a fault Google answers with: " + fault);
    }

    private static ObjectNode quotaFailure(Duration wait, String requestId) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        ObjectNode failure = GoogleErrors.adsFailure(List.of(AdsError.of("quotaError", "RESOURCE_EXHAUSTED",
                "Too many requests. Retry in " + seconds + " seconds.")), requestId);
        ((ObjectNode) failure.path("errors").path(0)).putObject("details").putObject("quotaErrorDetails")
                .put("rateScope", "DEVELOPER").put("rateName", "Number of operations for basic access")
                .put("retryDelay", seconds + "s");
        return failure;
    }

    private static ApiResponse serverError(int status, boolean stream, String requestId) {
        return switch (status) {
            case 502 -> GoogleErrors.html(502, "Server Error", "The server encountered a temporary error and could not "
                    + "complete your request.<p>Please try again in 30 seconds.");
            case 503 -> envelope(503, "The service is currently unavailable.", "UNAVAILABLE", internal("TRANSIENT_ERROR",
                    "The service is currently unavailable.", requestId), stream, requestId);
            case 504 -> envelope(504, "Deadline expired before operation could complete.", "DEADLINE_EXCEEDED",
                    internal("DEADLINE_EXCEEDED", "Deadline expired before operation could complete.", requestId),
                    stream, requestId);
            default -> envelope(status, "Internal error encountered.", "INTERNAL", internal("INTERNAL_ERROR",
                    "An internal error has occurred.", requestId), stream, requestId);
        };
    }

    private static ObjectNode internal(String value, String message, String requestId) {
        return GoogleErrors.adsFailure(List.of(AdsError.of("internalError", value, message)), requestId);
    }

    private static ApiResponse envelope(int code, String message, String status, JsonNode detail, boolean stream,
                                        String requestId) {
        ObjectNode error = GoogleJson.object().put("code", code).put("message", message).put("status", status);
        error.putArray("details").add(detail);
        ObjectNode body = GoogleJson.object();
        body.set("error", error);
        return GoogleErrors.json(code, stream ? GoogleJson.array().add(body) : body, requestId);
    }
}
