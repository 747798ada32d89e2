package ai.stratum.plugin.api;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Connects an account through the platform's OAuth flow and keeps its access token fresh.
 *
 * <p>In every call the context's credentials hold the platform client's
 * {@link Credentials#CLIENT_ID} and {@link Credentials#CLIENT_SECRET}; in {@link #refresh} they
 * also hold the connection's tokens. The authorization and token URLs come from the context's
 * {@link PlatformEndpoints}.
 */
public interface OAuthProvider extends ConnectorExtension {

    /**
     * The URL to send a user to, to grant Stratum access. Asks for the scopes your connector
     * needs. Makes no network call.
     *
     * @param context     the call's context
     * @param redirectUri where the platform sends the user back, exactly as registered with it
     * @param state       an opaque value the platform must return unchanged (CSRF protection)
     * @return the authorization URL
     */
    URI authorizationUrl(ConnectorContext context, URI redirectUri, String state);

    /**
     * Exchanges the code the platform sent back for the connection's tokens. Where the platform
     * issues short-lived tokens that can be exchanged for long-lived ones, do that here.
     *
     * @param context     the call's context
     * @param code        the authorization code from the callback
     * @param redirectUri the redirect URI used in the authorization URL
     * @return the connection's secrets to store: at least {@link Credentials#ACCESS_TOKEN}, and
     *         {@link Credentials#REFRESH_TOKEN} and {@link Credentials#EXPIRES_AT} when the
     *         platform issues them; never the client id or secret
     */
    CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri);

    /**
     * Gets a new access token with the connection's refresh token.
     *
     * @param context the call's context, with the connection's current tokens
     * @return the connection's secrets to store from now on, carrying over those the platform did
     *         not replace; a stage failed with {@link ConnectorException.Failure#NEEDS_REAUTH} when
     *         the refresh token is missing, expired or revoked
     */
    CompletionStage<Credentials> refresh(ConnectorContext context);
}
