package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.NOW;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaOAuthProviderTest {

    private static final String TOKEN_PATH = "/v25.0/oauth/access_token";
    private static final String LONG_LIVED = "EAAGm0PX4ZCpsBAKLongLivedFixtureTokenDoNotUse";
    private static final String SHORT_LIVED = "{\"access_token\":\"EAAGshortLivedFixture\",\"token_type\":\"bearer\","
            + "\"expires_in\":5183}";
    private static final URI REDIRECT = URI.create("https://stratum.example/oauth/callback/meta");
    private static final Credentials APP = Credentials.of(Map.of(
            Credentials.CLIENT_ID, "1234567890", Credentials.CLIENT_SECRET, "app-secret-do-not-leak"));

    private final MetaWire meta = new MetaWire();
    private final MetaOAuthProvider oauth = new MetaOAuthProvider();

    @AfterEach
    void stop() {
        meta.close();
    }

    @Test
    void sendsThePersonToTheFacebookLoginDialogAskingForTheAdsScopes() {
        URI url = oauth.authorizationUrl(meta.context(APP), REDIRECT, "csrf-state-1");

        assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
                .isEqualTo(meta.server.baseUrl() + "/v25.0/dialog/oauth");
        assertThat(query(url)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "client_id", "1234567890",
                "redirect_uri", REDIRECT.toString(),
                "state", "csrf-state-1",
                "scope", "ads_management,ads_read"));
        assertThat(url.toString()).doesNotContain("app-secret");
        assertThat(meta.server.requests()).isEmpty();
    }

    @Test
    void exchangesTheCodeThenTradesTheShortLivedTokenForALongLivedOne() {
        meta.server.on("GET", TOKEN_PATH).withQuery("code", "the-code").respond(WireResponse.json(200, SHORT_LIVED));
        meta.server.on("GET", TOKEN_PATH).withQuery("grant_type", "fb_exchange_token")
                .respond(WireResponse.json(200, Fixtures.read("oauth/meta.long-lived-token.response.json")));

        Credentials stored = join(oauth.exchangeCode(meta.context(APP), "the-code", REDIRECT));

        assertThat(stored.values()).isEqualTo(Map.of(
                Credentials.ACCESS_TOKEN, LONG_LIVED,
                Credentials.EXPIRES_AT, NOW.plusSeconds(5183944).toString()));
        List<RecordedRequest> sent = meta.requests("GET", TOKEN_PATH);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).query()).isEqualTo(Map.of("client_id", "1234567890", "redirect_uri", REDIRECT.toString(),
                "client_secret", "app-secret-do-not-leak", "code", "the-code"));
        assertThat(sent.get(1).query()).isEqualTo(Map.of("grant_type", "fb_exchange_token", "client_id", "1234567890",
                "client_secret", "app-secret-do-not-leak", "fb_exchange_token", "EAAGshortLivedFixture"));
        assertThat(sent).allSatisfy(request -> assertThat(request.header("Authorization")).isEmpty());
    }

    @Test
    void refreshesByReExchangingTheCurrentLongLivedTokenAndKeepsTheOtherSecrets() {
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(200,
                Fixtures.read("oauth/meta.long-lived-token.response.json")));
        Credentials current = APP.with(Credentials.ACCESS_TOKEN, "EAAGcurrentLongLived")
                .with(Credentials.EXPIRES_AT, "2026-09-20T00:00:00Z")
                .with("business_id", "998877");

        Credentials renewed = join(oauth.refresh(meta.context(current)));

        assertThat(renewed.values()).isEqualTo(Map.of(
                Credentials.ACCESS_TOKEN, LONG_LIVED,
                Credentials.EXPIRES_AT, NOW.plusSeconds(5183944).toString(),
                "business_id", "998877"));
        assertThat(meta.requests("GET", TOKEN_PATH).get(0).query())
                .containsEntry("grant_type", "fb_exchange_token")
                .containsEntry("fb_exchange_token", "EAAGcurrentLongLived");
    }

    @Test
    void storesNoExpiryForATokenMetaSaysNothingAbout() {
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(200,
                "{\"access_token\":\"EAAGnoExpiry\",\"token_type\":\"bearer\"}"));
        Credentials current = APP.with(Credentials.ACCESS_TOKEN, "EAAGold").with(Credentials.EXPIRES_AT, "2026-09-20T00:00:00Z");

        Credentials renewed = join(oauth.refresh(meta.context(current)));

        assertThat(renewed.values()).isEqualTo(Map.of(Credentials.ACCESS_TOKEN, "EAAGnoExpiry"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"meta/error.190-token-expired.json", "meta/error.190-token-invalidated.json"})
    void needsANewLoginWhenTheTokenCanNoLongerBeExchanged(String fixture) {
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(400, Fixtures.read(fixture)));

        ConnectorException failure = failure(oauth.refresh(meta.context(APP.with(Credentials.ACCESS_TOKEN, "EAAGold"))));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).contains("Error validating access token");
    }

    @Test
    void needsANewLoginToRefreshAConnectionWithoutAToken() {
        ConnectorException failure = failure(oauth.refresh(meta.context(APP)));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(meta.server.requests()).isEmpty();
    }

    @Test
    void refusesAnInvalidCodeWithMetasCode() {
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(400, MetaErrorMappingTest.graphError(100, 36009,
                "This authorization code has been used.")));

        ConnectorException failure = failure(oauth.exchangeCode(meta.context(APP), "used-code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("100");
    }

    @Test
    void refusesAWrongAppSecretInsteadOfRetryingIt() {
        // the token endpoint answers a wrong secret with code 1, which elsewhere means a passing failure
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(400, MetaErrorMappingTest.graphError(1, null,
                "Error validating client secret.")));

        ConnectorException failure = failure(oauth.exchangeCode(meta.context(APP), "the-code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("1");
        assertThat(failure.getMessage()).contains("Error validating client secret");
    }

    @Test
    void keepsTheAppSecretOutOfTheMessageWhenTheTokenEndpointKeepsFailing() {
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(502, "{}"));

        ConnectorException failure = failure(oauth.exchangeCode(meta.context(APP), "the-code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(failure.getMessage()).contains("oauth/access_token").doesNotContain("app-secret", "the-code");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void failsAsMalformedOnATokenAnswerWithoutAToken() {
        meta.server.on("GET", TOKEN_PATH).respond(WireResponse.json(200, "{\"token_type\":\"bearer\"}"));

        ConnectorException failure = failure(oauth.exchangeCode(meta.context(APP), "the-code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void refusesToStartWithoutTheAppsClientSecret() {
        ConnectorException failure = failure(oauth.exchangeCode(
                meta.context(Credentials.of(Map.of(Credentials.CLIENT_ID, "1"))), "the-code", REDIRECT));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(meta.server.requests()).isEmpty();
    }

    /** Decodes a URL's query the way the wire server decodes what it receives. */
    private static Map<String, String> query(URI url) {
        return new RecordedRequest("GET", url.getPath(), Map.of(), Map.of(), url.getRawQuery()).formFields();
    }
}
