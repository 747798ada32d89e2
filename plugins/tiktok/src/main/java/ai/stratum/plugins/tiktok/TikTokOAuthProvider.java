package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.OAuthProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * TikTok For Business advertiser authorization for the Marketing API.
 *
 * <ul>
 *   <li>Authorization: the advertiser opens {@code <authorization>/portal/auth?app_id=..&state=..
 *       &redirect_uri=..}; the permission scopes are those chosen for the app in TikTok's developer
 *       portal, not URL parameters. TikTok redirects back with {@code auth_code} (valid one hour,
 *       single use) and {@code state}.</li>
 *   <li>Exchange: {@code POST <token>/open_api/v1.3/oauth2/access_token/} with the JSON body
 *       {@code {app_id, secret, auth_code}}; the answer's {@code data} holds {@code access_token},
 *       {@code advertiser_ids} and {@code scope}. The request is not repeatable: an auth code works
 *       once.</li>
 *   <li>Refresh: none. The Marketing API's advertiser token is long-term: it has no expiry and no
 *       refresh token, and stays valid until the advertiser cancels the authorization. TikTok's
 *       refresh endpoints serve the Accounts and Creator Marketplace APIs' day-long tokens only
 *       (for a Marketing API token TikTok answers 40107, invalid refresh token), so
 *       {@link #refresh} fails with NEEDS_REAUTH: a token TikTok rejects can only be replaced by the
 *       advertiser authorizing again.</li>
 * </ul>
 *
 * <p>Besides {@link Credentials#ACCESS_TOKEN}, the exchange stores {@value #ADVERTISER_IDS}: the
 * comma-separated advertiser ids the token may act on, so a connection can be matched to its
 * account.
 */
@Extension
public class TikTokOAuthProvider implements OAuthProvider {

    /** The credential naming the advertisers a token was granted for, comma-separated. */
    public static final String ADVERTISER_IDS = "advertiser_ids";

    static final String ACCESS_TOKEN_PATH = "oauth2/access_token";

    @Override
    public String connectorId() {
        return TikTokPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public URI authorizationUrl(ConnectorContext context, URI redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_id", clientSecret(context, Credentials.CLIENT_ID));
        query.put("state", state);
        query.put("redirect_uri", redirectUri.toString());
        return TikTokUrls.portalAuth(context.endpoints().authorization(), query);
    }

    @Override
    public CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri) {
        return Stages.attempt(() -> {
            JsonNode body = TikTokJson.object()
                    .put("app_id", clientSecret(context, Credentials.CLIENT_ID))
                    .put("secret", clientSecret(context, Credentials.CLIENT_SECRET))
                    .put("auth_code", code);
            URI uri = TikTokUrls.api(context.endpoints().token(), ACCESS_TOKEN_PATH, Map.of());
            HttpTransport.Request request = HttpTransport.Request.post(uri, "application/json", TikTokJson.write(body));
            return context.http().send(request).thenApply(response -> credentials(
                    TikTokEnvelope.read(response, "POST " + ACCESS_TOKEN_PATH, context.clock().instant()).data()));
        });
    }

    @Override
    public CompletionStage<Credentials> refresh(ConnectorContext context) {
        return CompletableFuture.failedFuture(ConnectorException.needsReauth(
                "TikTok Marketing API access tokens cannot be refreshed: they are long-term tokens without a "
                        + "refresh token. The advertiser must authorize Stratum again in TikTok For Business."));
    }

    private static Credentials credentials(JsonNode data) {
        String token = data.path("access_token").asText("");
        if (token.isEmpty()) {
            throw ConnectorException.malformedResponse("TikTok's access_token answer has no data.access_token", null);
        }
        List<String> advertisers = new ArrayList<>();
        // TikTok has sent these ids both as strings and as numbers
        data.path("advertiser_ids").forEach(id -> advertisers.add(id.isNumber() ? id.bigIntegerValue().toString() : id.asText()));
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Credentials.ACCESS_TOKEN, token);
        if (!advertisers.isEmpty()) {
            values.put(ADVERTISER_IDS, String.join(",", advertisers));
        }
        return Credentials.of(values);
    }

    private static String clientSecret(ConnectorContext context, String name) {
        return context.credentials().get(name).orElseThrow(() -> new IllegalStateException(
                "the TikTok app's " + name + " is not configured"));
    }
}
