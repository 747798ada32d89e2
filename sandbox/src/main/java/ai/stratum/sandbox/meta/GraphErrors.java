package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Meta's error answers, in its envelope
 * {@code {"error":{"message","type","code","error_subcode","is_transient","error_user_title",
 * "error_user_msg","fbtrace_id"}}}, with HTTP 400 as Graph sends for request, permission and token
 * errors. Codes and wordings are Meta's: 100 invalid parameter (subcode 33 for an object that does
 * not exist), 104 no token, 190 token errors (463 expired, 460 invalidated), 17 user request limit,
 * 2500 unknown path, 2635 deprecated version, 1 and 2 for unexpected server errors.
 */
final class GraphErrors {

    /** The Business Use Case usage header Meta sends with its rate-limit errors. */
    static final String BUSINESS_USE_CASE_USAGE = "x-business-use-case-usage";
    /** The ad account usage header. */
    static final String AD_ACCOUNT_USAGE = "x-ad-account-usage";

    private static final String OAUTH = "OAuthException";
    private static final String METHOD = "GraphMethodException";
    private static final String TRACE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How Meta writes times in its expired-session message: Pacific time, as its servers keep it. */
    private static final DateTimeFormatter SESSION_TIME =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("America/Los_Angeles"));

    private GraphErrors() {
    }

    /** @return {@code (#100) <message>}, Meta's invalid-parameter error */
    static GraphException invalidParameter(String message) {
        return new GraphException(answer(400, error("(#100) " + message, OAUTH, 100)));
    }

    /** @return Meta's validation error for people: "Invalid parameter" with a title and a message for the user */
    static GraphException invalidParameter(String userTitle, String userMessage) {
        ObjectNode error = error("Invalid parameter", OAUTH, 100).put("error_user_title", userTitle)
                .put("error_user_msg", userMessage);
        return new GraphException(answer(400, error));
    }

    /** @return {@code (#100) The parameter <name> is required} */
    static GraphException missingParameter(String name) {
        return invalidParameter("The parameter " + name + " is required");
    }

    /** @return Meta's answer for an object that does not exist (or the method it does not support) */
    static GraphException unsupported(String method, String id) {
        ObjectNode error = error("Unsupported " + method.toLowerCase(Locale.ROOT) + " request. Object with ID '" + id
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation."
                + " Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                METHOD, 100).put("error_subcode", 33);
        return new GraphException(answer(400, error));
    }

    /** @return Meta's answer for a field a node does not have */
    static GraphException nonexistingField(String field, String nodeType) {
        return invalidParameter("Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
    }

    /** @return Meta's answer for a path it does not know */
    static GraphException unknownPath(String components) {
        return new GraphException(answer(400, error("Unknown path components: " + components, OAUTH, 2500)));
    }

    /** @return Meta's answer to a {@code fields} value it cannot read */
    static GraphException syntaxError(String detail, int at, String text) {
        return new GraphException(answer(400, error("Syntax error \"" + detail + "\" at character " + at + ": " + text,
                OAUTH, 2500)));
    }

    /** @return Meta's answer for a Marketing API version other than the one simulated */
    static GraphException deprecatedVersion(String version) {
        return new GraphException(answer(400, error("(#2635) You are calling a deprecated version of the Ads API. "
                + "Please update to the latest version: " + MetaEmulator.API_VERSION + ".", OAUTH, 2635)));
    }

    /** @return Meta's answer to an API call without an access token */
    static ApiResponse tokenMissing() {
        return answer(400, error("An access token is required to request this resource.", OAUTH, 104));
    }

    /** @return Meta's expired-session error, 190 / 463 */
    static ApiResponse tokenExpired(Clock clock) {
        String now = SESSION_TIME.format(clock.instant());
        return tokenError(error("Error validating access token: Session has expired on " + now
                + ". The current time is " + now + ".", OAUTH, 190).put("error_subcode", 463));
    }

    /** @return Meta's invalidated-session error, 190 / 460 (password changed, access removed) */
    static ApiResponse tokenInvalidated() {
        return tokenError(error("Error validating access token: The session has been invalidated because the user "
                + "changed their password or Facebook has changed the session for security reasons.", OAUTH, 190)
                .put("error_subcode", 460));
    }

    /** @return Meta's answer to a token it never issued */
    static ApiResponse tokenUnknown() {
        return tokenError(error("Invalid OAuth access token - Cannot parse access token", OAUTH, 190));
    }

    /**
     * Meta's user request limit (code 17, subcode 2446079), with the wait in its usage headers: whole
     * minutes in {@code x-business-use-case-usage}, seconds in {@code x-ad-account-usage}.
     *
     * @param wait       how long until the caller regains access
     * @param businessId the id the usage is counted on (the ad account here)
     * @param useCase    the Business Use Case type, for example {@code ads_insights}
     */
    static ApiResponse rateLimited(Duration wait, String businessId, String useCase) {
        ObjectNode error = error("(#17) User request limit reached", OAUTH, 17).put("is_transient", true)
                .put("error_subcode", 2446079).put("error_user_title", "Ad Account Has Too Many API Calls")
                .put("error_user_msg", "There have been too many calls from this ad-account. Please wait a bit and try again.");
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        ObjectNode usage = Json.object();
        usage.putArray(businessId).addObject().put("type", useCase).put("call_count", 100).put("total_cputime", 38)
                .put("total_time", 52).put("estimated_time_to_regain_access", minutes)
                .put("ads_api_access_tier", "standard_access");
        ObjectNode account = Json.object().put("acc_id_util_pct", 100).put("reset_time_duration", seconds)
                .put("ads_api_access_tier", "standard_access");
        return answer(400, error).withHeader(BUSINESS_USE_CASE_USAGE, Json.write(usage))
                .withHeader(AD_ACCOUNT_USAGE, Json.write(account));
    }

    /** @return a 5xx as Meta words it: code 2 when it asks to retry, code 1 when it cannot say */
    static ApiResponse serverError(int status) {
        ObjectNode error = switch (status) {
            case 500 -> error("An unexpected error has occurred. Please retry your request later.", OAUTH, 2);
            case 503 -> error("(#2) Service temporarily unavailable", OAUTH, 2);
            default -> error("An unknown error has occurred.", OAUTH, 1);
        };
        return answer(status, error.put("is_transient", true));
    }

    /** @return a success whose body breaks off in the middle of a Graph list */
    static ApiResponse truncated() {
        return ApiResponse.json(200, "{\"data\":[{\"id\":\"120200000000001\",\"name\":\"Prospecting - Spr");
    }

    /** @return the token endpoint's answer to a wrong app secret */
    static GraphException clientSecret() {
        return new GraphException(answer(400, error("Error validating client secret.", OAUTH, 1)));
    }

    /** @return the token endpoint's answer to an app id it does not know, or none */
    static GraphException application(boolean missing) {
        return new GraphException(answer(400, error(missing ? "Missing client_id parameter."
                : "Error validating application. Invalid application ID.", OAUTH, 101)));
    }

    /** @return the token endpoint's answer to a code it cannot exchange */
    static GraphException verificationCode(boolean used) {
        ObjectNode error = used
                ? error("This authorization code has been used.", OAUTH, 100).put("error_subcode", 36009)
                : error("Error validating verification code. Please make sure your redirect_uri is identical to the "
                        + "one you used in the OAuth dialog request", OAUTH, 100).put("error_subcode", 36008);
        return new GraphException(answer(400, error));
    }

    private static ApiResponse tokenError(ObjectNode error) {
        return answer(400, error).withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \""
                + error.get("message").asText().replace("\"", "'") + "\"");
    }

    private static ObjectNode error(String message, String type, int code) {
        return Json.object().put("message", message).put("type", type).put("code", code);
    }

    private static ApiResponse answer(int status, ObjectNode error) {
        error.put("fbtrace_id", traceId());
        ObjectNode body = Json.object();
        body.set("error", error);
        return ApiResponse.json(status, Json.write(body));
    }

    private static String traceId() {
        StringBuilder id = new StringBuilder("A");
        for (int i = 0; i < 22; i++) {
            id.append(TRACE_ALPHABET.charAt(RANDOM.nextInt(TRACE_ALPHABET.length())));
        }
        return id.toString();
    }
}
