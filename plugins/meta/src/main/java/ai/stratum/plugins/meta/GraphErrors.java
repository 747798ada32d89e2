package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Maps Meta's error envelope, {@code {"error":{"message","type","code","error_subcode","is_transient",
 * "fbtrace_id"}}}, to the failure the host reacts to:
 * <ul>
 *   <li>codes 4 (app), 17 (user), 32 (page), 613 and 80000-80014 (business use case) are rate
 *       limits: {@code rateLimited}, waiting what the usage headers name, else {@link #DEFAULT_WAIT};</li>
 *   <li>code 190 (or 102) with subcode 463 is an expired token: {@code tokenExpired};</li>
 *   <li>code 190 (or 102) with any other subcode (458 app removed, 460 password changed, 467
 *       invalid token, ...) and the permission codes 10 and 200-299 need a person to authorize
 *       again: {@code needsReauth} with Meta's own message;</li>
 *   <li>codes 1 and 2, and any error Meta marks {@code is_transient}, are temporary: {@code transientFailure};
 *       except on the OAuth token endpoint, which answers a wrong app secret with code 1
 *       ("Error validating client secret."): there only {@code is_transient} makes an error temporary;</li>
 *   <li>everything else (100 invalid parameter, ...) is a refusal: {@code rejected} with the code.</li>
 * </ul>
 * An HTTP 429 is a rate limit whatever the body says ({@link #tooManyRequests}).
 */
final class GraphErrors {

    /** The wait when Meta names none: its limits are rolling windows of minutes to an hour. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    private static final int EXPIRED_SUBCODE = 463;

    private GraphErrors() {
    }

    /** Meta's data-per-call limit: "Please reduce the amount of data you're asking for, then retry your request". */
    static final int TOO_MUCH_DATA_SUBCODE = 1487534;
    /** The platform code of a {@link #TOO_MUCH_DATA_SUBCODE} refusal: code and subcode. */
    static final String TOO_MUCH_DATA = "100/" + TOO_MUCH_DATA_SUBCODE;

    /**
     * @param response      the HTTP response carrying the error, for its usage headers
     * @param error         the {@code error} object of the body
     * @param tokenEndpoint whether the error came from {@code /oauth/access_token}
     * @return the exception to fail the call with
     */
    static ConnectorException toException(HttpTransport.Response response, JsonNode error, boolean tokenEndpoint) {
        if (!error.isObject()) {
            return JsonFields.malformed("Meta sent an error that is not an object (HTTP " + response.status() + ")");
        }
        int code = error.path("code").asInt(-1);
        Optional<Integer> subcode = error.hasNonNull("error_subcode")
                ? Optional.of(error.get("error_subcode").asInt()) : Optional.empty();
        String message = error.hasNonNull("message") ? error.get("message").asText() : "Meta gave no message";
        String described = describe(code, subcode, message, error);
        if (isRateLimit(code)) {
            return ConnectorException.rateLimited(described,
                    UsageHeaders.regainAccessAfter(response).orElse(DEFAULT_WAIT));
        }
        if (code == 190 || code == 102) {
            return subcode.filter(value -> value == EXPIRED_SUBCODE).isPresent()
                    ? ConnectorException.tokenExpired(described)
                    : ConnectorException.needsReauth(message);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return ConnectorException.needsReauth(message);
        }
        boolean unexpected = !tokenEndpoint && (code == 1 || code == 2);
        if (unexpected || error.path("is_transient").asBoolean(false)) {
            return ConnectorException.transientFailure(described, null);
        }
        if (code == 100 && subcode.filter(value -> value == TOO_MUCH_DATA_SUBCODE).isPresent()) {
            return ConnectorException.rejected(described, TOO_MUCH_DATA);
        }
        return ConnectorException.rejected(described, code < 0 ? null : Integer.toString(code));
    }

    /**
     * Whether {@code failure} is Meta's data-per-call limit (code 100, subcode 1487534): the query asked for
     * more rows or data points than Meta computes in one call, and the same query over less data succeeds.
     */
    static boolean isTooMuchData(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ConnectorException refused && refused.platformCode().filter(TOO_MUCH_DATA::equals).isPresent();
    }

    /**
     * An HTTP 429 is a rate limit whatever its body says: the wait comes from the usage headers,
     * else {@link #DEFAULT_WAIT}, and the message from the Graph error when the body has one.
     */
    static ConnectorException tooManyRequests(HttpTransport.Response response) {
        String message = "HTTP 429 from Meta";
        if (response.body().stripLeading().startsWith("{")) {
            try {
                JsonNode error = JsonFields.parseObject(response.body(), "a 429 answer").path("error");
                if (error.isObject()) {
                    message = describe(error.path("code").asInt(-1), error.hasNonNull("error_subcode")
                            ? Optional.of(error.get("error_subcode").asInt()) : Optional.empty(),
                            error.path("message").asText("Meta gave no message"), error);
                }
            } catch (ConnectorException unreadable) {
                // the status alone says to slow down; an unreadable body does not change that
            }
        }
        return ConnectorException.rateLimited(message, UsageHeaders.regainAccessAfter(response).orElse(DEFAULT_WAIT));
    }

    static boolean isRateLimit(int code) {
        return RATE_LIMIT_CODES.contains(code) || (code >= 80000 && code <= 80014);
    }

    private static String describe(int code, Optional<Integer> subcode, String message, JsonNode error) {
        StringBuilder text = new StringBuilder("Meta error ").append(code);
        subcode.ifPresent(value -> text.append('/').append(value));
        text.append(": ").append(message);
        if (error.hasNonNull("error_user_msg")) {
            text.append(" (").append(error.get("error_user_msg").asText()).append(')');
        }
        if (error.hasNonNull("fbtrace_id")) {
            text.append(" [fbtrace_id ").append(error.get("fbtrace_id").asText()).append(']');
        }
        return text.toString();
    }
}
