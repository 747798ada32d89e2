package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Google Ads API error into the {@link ConnectorException} the host reacts to:
 * <ul>
 *   <li>{@code quotaError} {@code RESOURCE_EXHAUSTED}/{@code RESOURCE_TEMPORARILY_EXHAUSTED}, status
 *       {@code RESOURCE_EXHAUSTED} or HTTP 429 → rate limited, waiting the
 *       {@code quotaErrorDetails.retryDelay} Google names (else a {@code Retry-After} header);</li>
 *   <li>an expired access token → token expired: {@code authenticationError}
 *       {@code OAUTH_TOKEN_EXPIRED} or {@code OAUTH_TOKEN_HEADER_INVALID} (what Google's REST
 *       front end reports for a stale bearer token), an ErrorInfo reason
 *       {@code ACCESS_TOKEN_EXPIRED}, or any other HTTP 401 without a more specific cause — the host
 *       refreshes once, so a token that is really bad fails again after the refresh;</li>
 *   <li>a token or Google account only a new sign-in fixes ({@link #REAUTH}, for example
 *       {@code NOT_ADS_USER} or {@code OAUTH_TOKEN_REVOKED}) → needs reauth, with Google's own
 *       message;</li>
 *   <li>{@code INTERNAL}, {@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED} (which reach the connector
 *       only inside a 200 stream) → transient;</li>
 *   <li>everything else → rejected, with the error family and value as platform code
 *       ({@code authorizationError.USER_PERMISSION_DENIED}).</li>
 * </ul>
 */
final class GoogleAdsErrorMapper {

    static final Set<String> EXPIRED = Set.of("OAUTH_TOKEN_EXPIRED", "OAUTH_TOKEN_HEADER_INVALID");
    static final Set<String> REAUTH = Set.of("NOT_ADS_USER", "OAUTH_TOKEN_INVALID", "OAUTH_TOKEN_DISABLED",
            "OAUTH_TOKEN_REVOKED", "GOOGLE_ACCOUNT_DELETED", "GOOGLE_ACCOUNT_AUTHENTICATION_FAILED",
            "GOOGLE_ACCOUNT_USER_AND_ADS_USER_MISMATCH", "GOOGLE_ACCOUNT_COOKIE_INVALID", "USER_ID_INVALID",
            "TWO_STEP_VERIFICATION_NOT_ENROLLED", "ADVANCED_PROTECTION_NOT_ENROLLED");
    private static final Set<String> TRANSIENT_STATUSES = Set.of("INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED");
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private GoogleAdsErrorMapper() {
    }

    /**
     * @param response a response that is not 2xx
     * @return the exception to fail the call with
     */
    static ConnectorException fromResponse(HttpTransport.Response response) {
        Optional<Duration> retryAfter = response.header("Retry-After").flatMap(GoogleAdsErrorMapper::seconds);
        Optional<JsonNode> error = errorIn(response.body());
        if (error.isEmpty()) {
            return withoutEnvelope(response, retryAfter);
        }
        return map(GoogleAdsError.read(error.get()), response.status(), retryAfter);
    }

    /**
     * @param error      the envelope's {@code error} value
     * @param httpStatus the HTTP status the error came with (200 inside a stream)
     * @return the exception to fail the call with
     */
    static ConnectorException fromStreamError(JsonNode error, int httpStatus) {
        return map(GoogleAdsError.read(error), httpStatus, Optional.empty());
    }

    static ConnectorException map(GoogleAdsError error, int httpStatus, Optional<Duration> retryAfter) {
        String value = error.errorValue().orElse("");
        boolean quota = "quotaError".equals(error.errorType().orElse(""))
                && value.startsWith("RESOURCE_");
        if (quota || "RESOURCE_EXHAUSTED".equals(error.status()) || httpStatus == 429) {
            return ConnectorException.rateLimited(error.describe(), error.retryDelay().or(() -> retryAfter).orElse(null));
        }
        boolean authentication = "authenticationError".equals(error.errorType().orElse(""));
        if (authentication && REAUTH.contains(value)) {
            return ConnectorException.needsReauth(error.bestMessage());
        }
        if ((authentication && EXPIRED.contains(value)) || "ACCESS_TOKEN_EXPIRED".equals(error.reason().orElse(""))) {
            return ConnectorException.tokenExpired(error.describe());
        }
        if ((httpStatus == 401 || "UNAUTHENTICATED".equals(error.status())) && !authentication) {
            return ConnectorException.tokenExpired(error.describe());
        }
        if (TRANSIENT_STATUSES.contains(error.status())) {
            return ConnectorException.transientFailure(error.describe(), null);
        }
        return ConnectorException.rejected(error.describe(), error.platformCode());
    }

    /** Finds {@code error} in an object body, or in the first element of an array body that has one. */
    static Optional<JsonNode> errorIn(String body) {
        JsonNode root;
        try {
            root = GoogleJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        if (root.isArray()) {
            for (JsonNode element : root) {
                if (element.path("error").isObject()) {
                    return Optional.of(element.get("error"));
                }
            }
            return Optional.empty();
        }
        return root.path("error").isObject() ? Optional.of(root.get("error")) : Optional.empty();
    }

    private static ConnectorException withoutEnvelope(HttpTransport.Response response, Optional<Duration> retryAfter) {
        String body = response.body().length() > MAX_BODY_IN_MESSAGE
                ? response.body().substring(0, MAX_BODY_IN_MESSAGE) + "…" : response.body();
        String message = "Google Ads HTTP " + response.status() + " without an error envelope: " + body;
        return switch (response.status()) {
            case 401 -> ConnectorException.tokenExpired(message);
            case 429 -> ConnectorException.rateLimited(message, retryAfter.orElse(null));
            default -> response.status() >= 500
                    ? ConnectorException.transientFailure(message, null)
                    : ConnectorException.rejected(message, "HTTP_" + response.status());
        };
    }

    private static Optional<Duration> seconds(String value) {
        return value.trim().matches("[0-9]{1,9}") ? Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())))
                : Optional.empty();
    }
}
