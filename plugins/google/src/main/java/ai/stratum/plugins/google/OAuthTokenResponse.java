package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.Optional;

/**
 * Reads the answer of Google's OAuth token endpoint.
 *
 * <p>Success: {@code {access_token, expires_in, token_type, scope}}, plus {@code refresh_token} on
 * a code exchange with {@code access_type=offline} (a refresh answer has none, so the stored one is
 * kept). Failure: the RFC 6749 body {@code {error, error_description}}; {@code invalid_grant} (the
 * refresh token expired or was revoked, or the code was used) means only a new sign-in helps, so it
 * is {@link ConnectorException.Failure#NEEDS_REAUTH} with Google's description; any other error is
 * a refusal ({@code invalid_client} and the like are configuration faults).
 */
final class OAuthTokenResponse {

    private OAuthTokenResponse() {
    }

    /**
     * @param response the token endpoint's answer
     * @param current  the credentials to carry over (none on a code exchange)
     * @param clock    the context's clock, for {@link Credentials#EXPIRES_AT}
     * @return the connection's credentials from now on
     */
    static Credentials read(HttpTransport.Response response, Credentials current, Clock clock) {
        if (!response.isSuccess()) {
            throw failure(response);
        }
        JsonNode body = GoogleJson.parse(response.body(), "Google's token answer");
        String accessToken = GoogleJson.optionalText(body, "access_token", "Google's token answer")
                .filter(token -> !token.isBlank())
                .orElseThrow(() -> GoogleJson.malformed("the token answer has no access_token"));
        Credentials credentials = current.with(Credentials.ACCESS_TOKEN, accessToken);
        Optional<String> refreshToken = GoogleJson.optionalText(body, "refresh_token", "Google's token answer");
        if (refreshToken.isPresent()) {
            credentials = credentials.with(Credentials.REFRESH_TOKEN, refreshToken.get());
        }
        Optional<Long> expiresIn = GoogleJson.optionalInt64(body, "expires_in", "Google's token answer");
        if (expiresIn.isPresent()) {
            credentials = credentials.with(Credentials.EXPIRES_AT, clock.instant().plusSeconds(expiresIn.get()).toString());
        } else {
            credentials = credentials.without(Credentials.EXPIRES_AT);
        }
        return credentials;
    }

    private static ConnectorException failure(HttpTransport.Response response) {
        JsonNode body;
        try {
            body = GoogleJson.parse(response.body(), "Google's token error");
        } catch (ConnectorException notJson) {
            return ConnectorException.rejected("Google OAuth answered HTTP " + response.status(), "HTTP_" + response.status());
        }
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        String message = description.isBlank() ? error : description;
        if ("invalid_grant".equals(error)) {
            return ConnectorException.needsReauth(message);
        }
        return ConnectorException.rejected("Google OAuth " + (error.isBlank() ? "HTTP " + response.status() : error)
                + (description.isBlank() ? "" : ": " + description), error.isBlank() ? "HTTP_" + response.status() : error);
    }

    /** @return the credentials without the client's own secrets, which a connection never stores */
    static Credentials connectionOnly(Credentials credentials) {
        return credentials.without(Credentials.CLIENT_ID).without(Credentials.CLIENT_SECRET);
    }
}
