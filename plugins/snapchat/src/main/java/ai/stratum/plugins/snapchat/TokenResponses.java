package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the answers of Snap's token endpoint ({@code POST /login/oauth2/access_token}): on success
 * {@code {access_token, token_type, expires_in, refresh_token, scope}} (access tokens last 1,800 s),
 * on failure an RFC 6749 error body {@code {error, error_description}}.
 *
 * <p>A refresh refused with {@code invalid_grant} (refresh token expired, revoked, or the user removed
 * the app) needs a new authorization. Every other refusal, and any refusal of a code exchange (a code
 * is single-use and short-lived; the user starts again), is rejected with Snap's description.
 */
final class TokenResponses {

    private static final String WHAT = "token response";

    private TokenResponses() {
    }

    /** The tokens of a successful answer; the expiry is measured from the context's clock. */
    static Tokens read(HttpTransport.Response response, Clock clock, boolean refreshing) {
        if (!response.isSuccess()) {
            throw refusal(response, refreshing);
        }
        ObjectNode root = SnapJson.parseObject(response.body(), WHAT);
        String accessToken = SnapJson.text(root, "access_token", WHAT);
        OptionalLong expiresIn = SnapJson.optionalNonNegativeLong(root, "expires_in", WHAT);
        return new Tokens(accessToken,
                SnapJson.optionalText(root, "refresh_token"),
                expiresIn.isPresent()
                        ? Optional.of(clock.instant().plusSeconds(expiresIn.getAsLong()).toString())
                        : Optional.empty());
    }

    private static ConnectorException refusal(HttpTransport.Response response, boolean refreshing) {
        JsonNode body = errorBody(response.body());
        Optional<String> error = SnapJson.optionalText(body, "error");
        String said = SnapJson.optionalText(body, "error_description").or(() -> error).orElse("refused");
        String message = "Snapchat token endpoint: " + said
                + " (HTTP " + response.status() + error.map(code -> ", " + code).orElse("") + ")";
        if (refreshing && error.filter("invalid_grant"::equals).isPresent()) {
            return ConnectorException.needsReauth(message);
        }
        return ConnectorException.rejected(message, error.orElse(null));
    }

    /** The RFC 6749 error object, or an empty one when the body is not JSON. */
    private static JsonNode errorBody(String body) {
        try {
            JsonNode parsed = SnapJson.MAPPER.readTree(body);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // not an RFC 6749 body; the status is all there is to say
        }
        return SnapJson.MAPPER.createObjectNode();
    }

    /**
     * What Snap issued.
     *
     * @param accessToken  the access token
     * @param refreshToken the refresh token, when issued
     * @param expiresAt    when the access token expires, as an ISO-8601 instant, when Snap says
     */
    record Tokens(String accessToken, Optional<String> refreshToken, Optional<String> expiresAt) {

        /** These tokens over {@code base}: replaced where issued, an expiry Snap did not renew dropped. */
        Credentials over(Credentials base) {
            Credentials result = base.with(Credentials.ACCESS_TOKEN, accessToken).without(Credentials.EXPIRES_AT);
            if (refreshToken.isPresent()) {
                result = result.with(Credentials.REFRESH_TOKEN, refreshToken.get());
            }
            if (expiresAt.isPresent()) {
                result = result.with(Credentials.EXPIRES_AT, expiresAt.get());
            }
            return result;
        }
    }
}
