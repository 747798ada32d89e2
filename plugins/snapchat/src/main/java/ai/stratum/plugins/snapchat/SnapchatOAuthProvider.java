package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.OAuthProvider;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Snap's OAuth 2.0 authorization-code flow, on the accounts host ({@code endpoints().authorization()}
 * and {@code endpoints().token()}).
 *
 * <ul>
 *   <li>Authorization: {@code GET /login/oauth2/authorize?client_id&redirect_uri&response_type=code
 *       &scope=snapchat-marketing-api&state}.</li>
 *   <li>Code exchange and refresh: {@code POST /login/oauth2/access_token}, form-encoded, with
 *       {@code grant_type} ({@code authorization_code} or {@code refresh_token}), {@code client_id},
 *       {@code client_secret} and the {@code code} and {@code redirect_uri}, or the
 *       {@code refresh_token}. Neither is repeatable: a code works once, and a refresh may rotate the
 *       refresh token.</li>
 * </ul>
 *
 * The access token lasts 30 minutes ({@code expires_in: 1800}); its expiry is stored as
 * {@link Credentials#EXPIRES_AT} so the host can refresh ahead. Errors: {@link TokenResponses}.
 */
@Extension
public class SnapchatOAuthProvider implements OAuthProvider {

    /** The one scope of the Marketing API. */
    static final String SCOPE = "snapchat-marketing-api";

    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public String connectorId() {
        return SnapchatPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public URI authorizationUrl(ConnectorContext context, URI redirectUri, String state) {
        return new SnapchatUrls(context.endpoints()).authorize(client(context, Credentials.CLIENT_ID), redirectUri, state);
    }

    @Override
    public CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri) {
        return Stages.guarded(() -> {
            Map<String, String> form = clientFields(context, "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", redirectUri.toString());
            return post(context, form, false).thenApply(tokens -> tokens.over(Credentials.none()));
        });
    }

    @Override
    public CompletionStage<Credentials> refresh(ConnectorContext context) {
        return Stages.guarded(() -> {
            String refreshToken = context.credentials().refreshToken().orElseThrow(() ->
                    ConnectorException.needsReauth("the Snapchat connection has no refresh token; authorize again"));
            Map<String, String> form = clientFields(context, "refresh_token");
            form.put("refresh_token", refreshToken);
            Credentials kept = context.credentials().without(Credentials.CLIENT_ID).without(Credentials.CLIENT_SECRET);
            return post(context, form, true).thenApply(tokens -> tokens.over(kept));
        });
    }

    private static Map<String, String> clientFields(ConnectorContext context, String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", client(context, Credentials.CLIENT_ID));
        form.put("client_secret", client(context, Credentials.CLIENT_SECRET));
        return form;
    }

    private static CompletionStage<TokenResponses.Tokens> post(ConnectorContext context, Map<String, String> form,
            boolean refreshing) {
        HttpTransport.Request request = HttpTransport.Request
                .post(new SnapchatUrls(context.endpoints()).token(), FORM, SnapchatUrls.form(form))
                .withHeader("Accept", "application/json");
        return context.http().send(request)
                .thenApply(response -> TokenResponses.read(response, context.clock(), refreshing));
    }

    private static String client(ConnectorContext context, String name) {
        return context.credentials().get(name).orElseThrow(() ->
                ConnectorException.rejected("the Snapchat OAuth client is not configured: " + name + " is missing",
                        null));
    }
}
