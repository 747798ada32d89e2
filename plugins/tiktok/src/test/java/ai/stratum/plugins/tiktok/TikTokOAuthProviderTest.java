package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.error;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.failure;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.join;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.json;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.path;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TikTokOAuthProviderTest {

    private static final String APP_ID = "7123456789012345678";
    private static final String SECRET = "<app_secret>";
    private static final String CODE = "<auth_code_from_redirect>";
    private static final URI REDIRECT = URI.create("https://stratum.example.com/oauth/callback/tiktok");
    private static final String TOKEN_PATH = path("oauth2/access_token");

    private final TikTokTestPlatform tiktok = new TikTokTestPlatform();
    private final TikTokOAuthProvider oauth = new TikTokOAuthProvider();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private ConnectorContext appContext(PlatformEndpoints endpoints, Credentials extra) {
        Map<String, String> values = new java.util.HashMap<>(extra.values());
        values.put(Credentials.CLIENT_ID, APP_ID);
        values.put(Credentials.CLIENT_SECRET, SECRET);
        return TestContexts.standard().context(endpoints, Credentials.of(values));
    }

    private ConnectorContext appContext() {
        return appContext(tiktok.server.endpoints(), Credentials.none());
    }

    @Test
    void sendsTheAdvertiserToTikTokForBusinessAuthorizationPortal() {
        PlatformEndpoints endpoints = PlatformEndpoints.of("https://api.example.test", "https://auth.example.test:8443",
                "https://token.example.test");

        URI url = oauth.authorizationUrl(appContext(endpoints, Credentials.none()), REDIRECT, "state 42/x");

        assertThat(url).isEqualTo(URI.create("https://auth.example.test:8443/portal/auth?app_id=" + APP_ID
                + "&state=state%2042%2Fx&redirect_uri=https%3A%2F%2Fstratum.example.com%2Foauth%2Fcallback%2Ftiktok"));
    }

    @Test
    void exchangesTheAuthCodeWithTheDocumentedJsonBodyForALongTermToken() {
        tiktok.server.on("POST", TOKEN_PATH).respond(WireResponse.json(200,
                Fixtures.read("oauth/tiktok.access-token.response.json")));

        Credentials credentials = join(oauth.exchangeCode(appContext(), CODE, REDIRECT));

        RecordedRequest sent = tiktok.server.requests("POST", TOKEN_PATH).get(0);
        assertThat(json(sent.body())).isEqualTo(json(Fixtures.read("oauth/tiktok.access-token.request.json")));
        assertThat(sent.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(sent.header("Access-Token")).isEmpty();
        assertThat(credentials.values()).containsOnly(
                Map.entry(Credentials.ACCESS_TOKEN, "0f5e6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f"),
                Map.entry(TikTokOAuthProvider.ADVERTISER_IDS, "7012345678901234567,7012345678901234568"));
        assertThat(credentials.refreshToken()).as("TikTok issues no refresh token").isEmpty();
        assertThat(credentials.expiresAt()).as("the token does not expire").isEmpty();
    }

    @Test
    void exchangesOnTheTokenBaseUrlNotTheApiOne() {
        try (TikTokTestPlatform tokenHost = new TikTokTestPlatform()) {
            tokenHost.server.on("POST", TOKEN_PATH).respond(WireResponse.json(200,
                    Fixtures.read("oauth/tiktok.access-token.response.json")));
            PlatformEndpoints endpoints = new PlatformEndpoints(tiktok.server.baseUrl(), tiktok.server.baseUrl(),
                    tokenHost.server.baseUrl());

            join(oauth.exchangeCode(appContext(endpoints, Credentials.none()), CODE, REDIRECT));

            assertThat(tokenHost.server.requests()).hasSize(1);
            assertThat(tiktok.server.requests()).isEmpty();
        }
    }

    @Test
    void acceptsAdvertiserIdsSentAsNumbers() {
        String response = Fixtures.read("oauth/tiktok.access-token.response.json")
                .replace("\"7012345678901234567\"", "7012345678901234567")
                .replace("\"7012345678901234568\"", "7012345678901234568");
        tiktok.server.on("POST", TOKEN_PATH).respond(WireResponse.json(200, response));

        Credentials credentials = join(oauth.exchangeCode(appContext(), CODE, REDIRECT));

        assertThat(credentials.get(TikTokOAuthProvider.ADVERTISER_IDS)).contains("7012345678901234567,7012345678901234568");
    }

    @Test
    void refusesAnUsedOrExpiredAuthCodeWithTikToksCode() {
        tiktok.server.on("POST", TOKEN_PATH).respond(error(40110,
                "The auth_code is canceled. Please re-authorize and try again with a new auth_code."));

        ConnectorException failure = failure(oauth.exchangeCode(appContext(), CODE, REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("40110");
    }

    @Test
    void neverResendsAnAuthCodeAfterAServerError() {
        tiktok.server.on("POST", TOKEN_PATH).respond(WireResponse.of(500, "Internal Server Error"));

        assertThat(failure(oauth.exchangeCode(appContext(), CODE, REDIRECT)).failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(tiktok.server.requests()).as("an auth code works once").hasSize(1);
    }

    @Test
    void failsAnAnswerWithoutAnAccessTokenAsMalformed() {
        tiktok.server.on("POST", TOKEN_PATH).respond(WireResponse.json(200,
                "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"advertiser_ids\":[]}}"));

        assertThat(failure(oauth.exchangeCode(appContext(), CODE, REDIRECT)).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void cannotRefreshALongTermTokenSoAsksForANewAuthorization() {
        ConnectorContext context = appContext(tiktok.server.endpoints(),
                Credentials.of(Map.of(Credentials.ACCESS_TOKEN, "old-token")));

        ConnectorException failure = failure(oauth.refresh(context));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).contains("authorize");
        assertThat(tiktok.server.requests()).isEmpty();
    }

    @Test
    void keepsTheSecretOutOfTheExchangeFailure() {
        tiktok.server.on("POST", TOKEN_PATH).respond(error(40101, "Invalid auth_code."));

        ConnectorException failure = failure(oauth.exchangeCode(appContext(), CODE, REDIRECT));

        assertThat(failure.getMessage()).contains("Invalid auth_code.").doesNotContain(SECRET);
    }
}
