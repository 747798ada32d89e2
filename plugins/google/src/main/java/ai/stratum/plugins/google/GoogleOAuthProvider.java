package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.OAuthProvider;
import org.pf4j.Extension;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Google's OAuth 2.0 web-server flow for the Google Ads API.
 *
 * <ul>
 *   <li>Authorization: {@code {authorization}/o/oauth2/v2/auth} with {@code client_id},
 *       {@code redirect_uri}, {@code response_type=code}, scope {@value #SCOPE},
 *       {@code access_type=offline} (so Google issues a refresh token), {@code prompt=consent}
 *       (so it issues one again on a re-connect) and {@code state}.</li>
 *   <li>Code exchange and refresh: {@code POST {token}/token}, form-encoded, with
 *       {@code grant_type=authorization_code} (code, redirect_uri) or
 *       {@code grant_type=refresh_token} (refresh_token), each with client id and secret
 *       ({@link OAuthTokenResponse} reads the answer).</li>
 * </ul>
 */
@Extension
public class GoogleOAuthProvider implements OAuthProvider {

    /** The one scope the Google Ads API needs. */
    static final String SCOPE = "https://www.googleapis.com/auth/adwords";

    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public String connectorId() {
        return GooglePlatformInfo.CONNECTOR_ID;
    }

    @Override
    public URI authorizationUrl(ConnectorContext context, URI redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientSecret(context, Credentials.CLIENT_ID));
        query.put("redirect_uri", redirectUri.toString());
        query.put("response_type", "code");
        query.put("scope", SCOPE);
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("state", state);
        return new GoogleAdsUrls(context.endpoints()).authorization(query);
    }

    @Override
    public CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        // a code works once, so the request must not be sent twice
        return tokenRequest(context, form, false, Credentials.none());
    }

    @Override
    public CompletionStage<Credentials> refresh(ConnectorContext context) {
        String refreshToken = context.credentials().refreshToken().orElse(null);
        if (refreshToken == null || refreshToken.isBlank()) {
            return CompletableFuture.failedFuture(ConnectorException.needsReauth(
                    "the Google Ads connection has no refresh token; connect the account again"));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        // refreshing twice only yields two valid access tokens
        return tokenRequest(context, form, true, OAuthTokenResponse.connectionOnly(context.credentials()));
    }

    private static CompletionStage<Credentials> tokenRequest(ConnectorContext context, Map<String, String> fields,
                                                             boolean repeatable, Credentials carriedOver) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        try {
            form.put("client_id", clientSecret(context, Credentials.CLIENT_ID));
            form.put("client_secret", clientSecret(context, Credentials.CLIENT_SECRET));
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
        String body = form.entrySet().stream()
                .map(entry -> GoogleAdsUrls.encode(entry.getKey()) + "=" + GoogleAdsUrls.encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpTransport.Request request = HttpTransport.Request.post(new GoogleAdsUrls(context.endpoints()).token(), FORM, body)
                .withHeader("Accept", "application/json");
        return context.http().send(repeatable ? request.asRepeatable() : request)
                .thenApply(response -> OAuthTokenResponse.read(response, carriedOver, context.clock()));
    }

    private static String clientSecret(ConnectorContext context, String name) {
        return context.credentials().get(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> ConnectorException.rejected("Google OAuth needs the platform client's " + name
                        + "; configure the Google OAuth client", null));
    }
}
