package ai.stratum.plugins.google;

import static ai.stratum.plugins.google.GoogleWire.await;
import static ai.stratum.plugins.google.GoogleWire.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleOAuthProviderTest {

    private static final URI REDIRECT = URI.create("https://stratum.example.com/oauth/callback/google");
    private static final Map<String, String> CLIENT = Map.of(
            Credentials.CLIENT_ID, "1234-abc.apps.googleusercontent.com",
            Credentials.CLIENT_SECRET, "client-secret-1");

    private final WireServer google = WireServer.start();
    private final GoogleOAuthProvider oauth = new GoogleOAuthProvider();

    @AfterEach
    void stop() {
        google.close();
    }

    private ConnectorContext context(Map<String, String> credentials) {
        return GoogleWire.contexts().context(google.endpoints(), Credentials.of(credentials));
    }

    private static Map<String, String> clientWith(String... pairs) {
        Map<String, String> values = new HashMap<>(CLIENT);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void buildsGooglesConsentUrlForOfflineAccessToGoogleAds() {
        PlatformEndpoints endpoints = PlatformEndpoints.of("https://googleads.googleapis.com", "https://accounts.google.com",
                "https://oauth2.googleapis.com");
        ConnectorContext context = GoogleWire.contexts().context(endpoints, Credentials.of(CLIENT));

        URI url = oauth.authorizationUrl(context, REDIRECT, "state-42");

        assertThat(url).hasToString("https://accounts.google.com/o/oauth2/v2/auth"
                + "?client_id=1234-abc.apps.googleusercontent.com"
                + "&redirect_uri=https%3A%2F%2Fstratum.example.com%2Foauth%2Fcallback%2Fgoogle"
                + "&response_type=code"
                + "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fadwords"
                + "&access_type=offline&prompt=consent&state=state-42");
    }

    @Test
    void refusesToBuildTheConsentUrlWithoutAClientId() {
        assertThatThrownBy(() -> oauth.authorizationUrl(context(Map.of()), REDIRECT, "s"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REJECTED));
    }

    @Test
    void exchangesTheCodeOnTheTokenEndpointWithAFormAndStoresBothTokens() {
        google.on("POST", "/token").respond(WireResponse.json(200, """
                {"access_token":"ya29.new","expires_in":3599,"refresh_token":"1//refresh-new",
                 "scope":"https://www.googleapis.com/auth/adwords","token_type":"Bearer"}"""));

        Credentials credentials = await(oauth.exchangeCode(context(CLIENT), "4/0Abc-code", REDIRECT));

        RecordedRequest request = google.requests("POST", "/token").get(0);
        assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(request.formFields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "authorization_code", "code", "4/0Abc-code", "redirect_uri", REDIRECT.toString(),
                "client_id", CLIENT.get(Credentials.CLIENT_ID), "client_secret", CLIENT.get(Credentials.CLIENT_SECRET)));
        assertThat(credentials.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Credentials.ACCESS_TOKEN, "ya29.new",
                Credentials.REFRESH_TOKEN, "1//refresh-new",
                Credentials.EXPIRES_AT, GoogleWire.NOW.plusSeconds(3599).toString()));
    }

    @Test
    void sendsACodeExchangeOnlyOnceEvenWhenGoogleAnswersWithAServerError() {
        google.on("POST", "/token").respond(WireResponse.json(503, "{}"));

        assertThat(failure(oauth.exchangeCode(context(CLIENT), "4/0Abc-code", REDIRECT)).failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(google.requests("POST", "/token")).hasSize(1);
    }

    @Test
    void refreshesTheAccessTokenAndKeepsTheRefreshTokenGoogleDoesNotResend() {
        google.on("POST", "/token").respond(WireResponse.json(200, Fixtures.read("oauth/google.refresh.response.json")));
        Map<String, String> stored = clientWith(Credentials.ACCESS_TOKEN, "ya29.old", Credentials.REFRESH_TOKEN, "1//refresh",
                Credentials.EXPIRES_AT, "2026-09-15T11:00:00Z", GoogleCredentialKeys.DEVELOPER_TOKEN, "dev");

        Credentials credentials = await(oauth.refresh(context(stored)));

        assertThat(google.requests("POST", "/token").get(0).formFields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "refresh_token", "refresh_token", "1//refresh",
                "client_id", CLIENT.get(Credentials.CLIENT_ID), "client_secret", CLIENT.get(Credentials.CLIENT_SECRET)));
        assertThat(credentials.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Credentials.ACCESS_TOKEN, "ya29.a0AfB_byFixtureAccessTokenDoNotUse",
                Credentials.REFRESH_TOKEN, "1//refresh",
                Credentials.EXPIRES_AT, GoogleWire.NOW.plusSeconds(3599).toString(),
                GoogleCredentialKeys.DEVELOPER_TOKEN, "dev"));
    }

    @Test
    void needsReauthWithGooglesDescriptionWhenTheRefreshTokenIsExpiredOrRevoked() {
        google.on("POST", "/token").respond(WireResponse.json(400, Fixtures.read("oauth/google.refresh.error.invalid-grant.json")));

        ConnectorException failure = failure(oauth.refresh(context(clientWith(Credentials.REFRESH_TOKEN, "1//revoked"))));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).isEqualTo("Token has been expired or revoked.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a wrong client | 401 | {\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"} | invalid_client",
            "an unauthorized client | 400 | {\"error\":\"unauthorized_client\"} | unauthorized_client",
            "a non-JSON refusal | 400 | Bad Request | HTTP_400",
    })
    void refusesARefreshGoogleRejectsFor(String what, int status, String body, String code) {
        google.on("POST", "/token").respond(WireResponse.json(status, body));

        ConnectorException failure = failure(oauth.refresh(context(clientWith(Credentials.REFRESH_TOKEN, "1//r"))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no access token | {\"expires_in\":3599,\"token_type\":\"Bearer\"}",
            "not JSON | <html></html>",
            "a non-numeric expiry | {\"access_token\":\"ya29.x\",\"expires_in\":\"soon\"}",
    })
    void failsAsMalformedOnATokenAnswerWith(String what, String body) {
        google.on("POST", "/token").respond(WireResponse.json(200, body));

        assertThat(failure(oauth.refresh(context(clientWith(Credentials.REFRESH_TOKEN, "1//r")))).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void needsReauthWithoutARequestWhenTheConnectionHasNoRefreshToken() {
        assertThat(failure(oauth.refresh(context(clientWith(Credentials.ACCESS_TOKEN, "ya29.old")))).failure())
                .isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void refusesATokenRequestWithoutTheClientSecretBeforeSendingIt() {
        Map<String, String> noSecret = Map.of(Credentials.CLIENT_ID, "id", Credentials.REFRESH_TOKEN, "1//r");

        assertThat(failure(oauth.refresh(context(noSecret))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void neverStoresTheClientSecretsWithTheConnection() {
        google.on("POST", "/token").respond(WireResponse.json(200, Fixtures.read("oauth/google.refresh.response.json")));

        Credentials credentials = await(oauth.refresh(context(clientWith(Credentials.REFRESH_TOKEN, "1//r"))));

        assertThat(credentials.values()).doesNotContainKeys(Credentials.CLIENT_ID, Credentials.CLIENT_SECRET);
        assertThat(List.copyOf(credentials.values().values())).doesNotContain("client-secret-1");
    }
}
