package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.OAuthProvider;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Facebook Login for the Marketing API.
 * <ul>
 *   <li>Authorization: {@code {authorization}/v25.0/dialog/oauth?client_id&redirect_uri&state&scope},
 *       asking for {@value #SCOPES}.</li>
 *   <li>Code exchange: {@code GET {token}/v25.0/oauth/access_token?client_id&redirect_uri&client_secret&code}
 *       gives a short-lived token (about two hours), which is at once exchanged for a long-lived one
 *       (about 60 days) with {@code grant_type=fb_exchange_token}.</li>
 *   <li>Refresh: Meta issues no refresh token. {@link #refresh} re-sends the connection's current
 *       long-lived token through {@code fb_exchange_token} and stores what Meta returns with its new
 *       expiry. A token that has already expired or been revoked cannot be exchanged: that ends in
 *       {@code NEEDS_REAUTH}, since only a person logging in again helps.</li>
 * </ul>
 * The token endpoint takes the app secret and tokens as query parameters, so a transport failure's
 * message, which names the URL, is passed on with the query left out.
 */
@Extension
public class MetaOAuthProvider implements OAuthProvider {

    static final String SCOPES = "ads_management,ads_read";
    private static final String TOKEN_PATH = "oauth/access_token";

    @Override
    public String connectorId() {
        return MetaPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public URI authorizationUrl(ConnectorContext context, URI redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId(context.credentials()));
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("scope", SCOPES);
        return GraphUrls.of(context).authorization("dialog/oauth", query);
    }

    @Override
    public CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri) {
        return Stages.defer(() -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", clientId(context.credentials()));
            query.put("redirect_uri", redirectUri.toString());
            query.put("client_secret", clientSecret(context.credentials()));
            query.put("code", code);
            return token(context, query)
                    .thenCompose(shortLived -> longLived(context, shortLived.accessToken()))
                    .thenApply(longLived -> store(Credentials.none(), longLived, context.clock().instant()));
        });
    }

    @Override
    public CompletionStage<Credentials> refresh(ConnectorContext context) {
        return Stages.defer(() -> {
            Credentials current = context.credentials();
            return longLived(context, current.accessToken())
                    .thenApply(renewed -> store(current.without(Credentials.CLIENT_ID)
                            .without(Credentials.CLIENT_SECRET), renewed, context.clock().instant()))
                    .exceptionally(failure -> {
                        throw tokenGoneMeansReauth(unwrap(failure));
                    });
        });
    }

    private CompletionStage<TokenResponse> longLived(ConnectorContext context, String token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "fb_exchange_token");
        query.put("client_id", clientId(context.credentials()));
        query.put("client_secret", clientSecret(context.credentials()));
        query.put("fb_exchange_token", token);
        return token(context, query);
    }

    private CompletionStage<TokenResponse> token(ConnectorContext context, Map<String, String> query) {
        return GraphClient.oauth(context).get(GraphUrls.of(context).token(TOKEN_PATH, query))
                .thenApply(answer -> TokenResponse.parse(answer.json()))
                .exceptionally(failure -> {
                    throw withoutQuery(unwrap(failure));
                });
    }

    private static Credentials store(Credentials kept, TokenResponse token, Instant receivedAt) {
        Credentials stored = kept.with(Credentials.ACCESS_TOKEN, token.accessToken()).without(Credentials.EXPIRES_AT);
        return token.expiresAt(receivedAt)
                .map(expiry -> stored.with(Credentials.EXPIRES_AT, expiry.toString()))
                .orElse(stored);
    }

    /** An expired or revoked long-lived token cannot be exchanged, so the connection needs a new login. */
    private static RuntimeException tokenGoneMeansReauth(RuntimeException failure) {
        if (failure instanceof ConnectorException exception
                && exception.failure() == ConnectorException.Failure.TOKEN_EXPIRED) {
            return ConnectorException.needsReauth(exception.getMessage());
        }
        return failure;
    }

    /** Transport messages name the URL, whose query here holds the app secret, a code or a token. */
    private static RuntimeException withoutQuery(RuntimeException failure) {
        if (failure instanceof ConnectorException exception
                && exception.failure() == ConnectorException.Failure.TRANSIENT) {
            return ConnectorException.transientFailure(
                    exception.getMessage().replaceAll("\\?\\S*", "?…"), null);
        }
        return failure;
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private static String clientId(Credentials credentials) {
        return credentials.get(Credentials.CLIENT_ID).orElseThrow(
                () -> ConnectorException.rejected("the Meta app's client_id is not configured", null));
    }

    private static String clientSecret(Credentials credentials) {
        return credentials.get(Credentials.CLIENT_SECRET).orElseThrow(
                () -> ConnectorException.rejected("the Meta app's client_secret is not configured", null));
    }
}
