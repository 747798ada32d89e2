package ai.stratum.plugins.snapchat;

import static ai.stratum.plugins.snapchat.SnapWire.failureOf;
import static ai.stratum.plugins.snapchat.SnapWire.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapchatOAuthProviderTest {

    private static final Instant NOW = Instant.parse("2026-09-15T09:00:00Z");
    private static final String TOKEN_PATH = "/login/oauth2/access_token";
    private static final URI REDIRECT = URI.create("https://stratum.example/oauth/callback/snapchat?tenant=acme%20shop");
    private static final String REFRESH_FIXTURE = SnapWire.fixture("oauth/snapchat.refresh.response.json");

    private final SnapchatOAuthProvider oauth = new SnapchatOAuthProvider();
    private final TestContexts contexts = new TestContexts(TestContexts.TEST_POLICY, Clock.fixed(NOW, ZoneOffset.UTC));
    private WireServer accounts;

    @BeforeEach
    void startAccounts() {
        accounts = WireServer.start();
    }

    @AfterEach
    void stopAccounts() {
        accounts.close();
    }

    private static Credentials client() {
        return Credentials.of(Map.of(Credentials.CLIENT_ID, "snap-client-id", Credentials.CLIENT_SECRET, "snap-secret"));
    }

    private ConnectorContext context(Credentials credentials) {
        return contexts.context(accounts.endpoints(), credentials);
    }

    private static Credentials connection() {
        Map<String, String> values = new HashMap<>(client().values());
        values.put(Credentials.ACCESS_TOKEN, "old-access");
        values.put(Credentials.REFRESH_TOKEN, "old-refresh");
        values.put(Credentials.EXPIRES_AT, "2026-09-15T08:59:00Z");
        return Credentials.of(values);
    }

    @Test
    void sendsTheUserToSnapsAuthorizationPageOnTheAuthorizationHost() {
        PlatformEndpoints endpoints = PlatformEndpoints.of("http://127.0.0.1:1", "https://accounts.example:8443",
                "http://127.0.0.1:2");

        URI url = oauth.authorizationUrl(contexts.context(endpoints, client()), REDIRECT, "csrf-7f3a");

        assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
                .isEqualTo("https://accounts.example:8443/login/oauth2/authorize");
        assertThat(query(url)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "client_id", "snap-client-id",
                "redirect_uri", REDIRECT.toString(),
                "response_type", "code",
                "scope", "snapchat-marketing-api",
                "state", "csrf-7f3a"));
    }

    @Test
    void refusesToBuildAnAuthorizationUrlWithoutAClientId() {
        assertThatThrownBy(() -> oauth.authorizationUrl(context(Credentials.none()), REDIRECT, "s"))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.REJECTED));
    }

    @Test
    void exchangesTheCodeWithAFormPostAndKeepsTheTokensAndTheirExpiry() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(200, REFRESH_FIXTURE));

        Credentials granted = valueOf(oauth.exchangeCode(context(client()), "code-123", REDIRECT));

        RecordedRequest request = accounts.requests("POST", TOKEN_PATH).get(0);
        assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(request.formFields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "authorization_code",
                "client_id", "snap-client-id",
                "client_secret", "snap-secret",
                "code", "code-123",
                "redirect_uri", REDIRECT.toString()));
        assertThat(granted.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Credentials.ACCESS_TOKEN, "eyJraWQiOiJDb3JlLnVuaXR5LmFjY2Vzcy50b2tlbiJ9.fixture.DoNotUse",
                Credentials.REFRESH_TOKEN, "hCgEIABIkZjEyMzQ1Njc4LTkwYWItY2RlZi0xMjM0fixture",
                Credentials.EXPIRES_AT, "2026-09-15T09:30:00Z"));
    }

    @Test
    void refreshesWithTheRefreshTokenAndCarriesOverTheRest() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(200, REFRESH_FIXTURE));

        Credentials refreshed = valueOf(oauth.refresh(context(connection())));

        assertThat(accounts.requests("POST", TOKEN_PATH).get(0).formFields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "refresh_token",
                "client_id", "snap-client-id",
                "client_secret", "snap-secret",
                "refresh_token", "old-refresh"));
        assertThat(refreshed.accessToken()).isEqualTo("eyJraWQiOiJDb3JlLnVuaXR5LmFjY2Vzcy50b2tlbiJ9.fixture.DoNotUse");
        assertThat(refreshed.refreshToken()).contains("hCgEIABIkZjEyMzQ1Njc4LTkwYWItY2RlZi0xMjM0fixture");
        assertThat(refreshed.expiresAt()).contains(Instant.parse("2026-09-15T09:30:00Z"));
        assertThat(refreshed.get(Credentials.CLIENT_SECRET)).as("never stored with the connection").isEmpty();
        assertThat(refreshed.get(Credentials.CLIENT_ID)).isEmpty();
    }

    @Test
    void keepsTheOldRefreshTokenWhenSnapIssuesNoNewOne() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(200,
                "{\"access_token\":\"new-access\",\"token_type\":\"Bearer\",\"expires_in\":1800}"));

        Credentials refreshed = valueOf(oauth.refresh(context(connection())));

        assertThat(refreshed.refreshToken()).contains("old-refresh");
        assertThat(refreshed.accessToken()).isEqualTo("new-access");
    }

    @Test
    void dropsAStaleExpiryWhenSnapGivesNone() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(200, "{\"access_token\":\"new-access\"}"));

        assertThat(valueOf(oauth.refresh(context(connection()))).expiresAt()).isEmpty();
    }

    @Test
    void needsReauthWhenSnapRefusesTheRefreshTokenAsAnInvalidGrant() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}"));

        ConnectorException failure = failureOf(oauth.refresh(context(connection())));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).contains("Invalid refresh token", "invalid_grant");
    }

    @Test
    void needsReauthWithoutCallingSnapWhenThereIsNoRefreshToken() {
        ConnectorException failure = failureOf(oauth.refresh(context(connection().without(Credentials.REFRESH_TOKEN))));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(accounts.requests()).isEmpty();
    }

    @Test
    void rejectsAWrongClientOnRefreshRatherThanAskingTheUserAgain() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

        ConnectorException failure = failureOf(oauth.refresh(context(connection())));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("invalid_client");
    }

    @Test
    void rejectsACodeSnapRefuses() {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code expired\"}"));

        ConnectorException failure = failureOf(oauth.exchangeCode(context(client()), "stale-code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("Authorization code expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>oops</html>", "{\"token_type\":\"Bearer\"}", "{\"access_token\":\"a\",\"expires_in\":\"1800\"}"})
    void reportsAnUnreadableTokenAnswerAsMalformed(String body) {
        accounts.on("POST", TOKEN_PATH).respond(WireResponse.json(200, body));

        assertThat(failureOf(oauth.exchangeCode(context(client()), "code", REDIRECT)).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void rejectsAnExchangeWhenTheClientSecretIsNotConfigured() {
        ConnectorException failure = failureOf(oauth.exchangeCode(
                context(client().without(Credentials.CLIENT_SECRET)), "code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(accounts.requests()).isEmpty();
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
