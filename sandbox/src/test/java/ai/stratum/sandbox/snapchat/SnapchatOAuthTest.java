package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.platform.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Snap's OAuth on the accounts host: an authorization the user approves at once, codes, refreshes, refusals. */
class SnapchatOAuthTest {

    private static final String REDIRECT = "https://app.example/oauth/callback/snapchat";
    private static final String TOKEN = "/login/oauth2/access_token";

    private final SnapSandbox snap = new SnapSandbox();

    @AfterEach
    void close() {
        snap.close();
    }

    private HttpResponse<String> authorize(String clientId, String scope) {
        return snap.send(HttpRequest.newBuilder(URI.create(snap.base() + "/login/oauth2/authorize?client_id=" + clientId
                + "&redirect_uri=" + encode(REDIRECT) + "&response_type=code&scope=" + scope + "&state=st-42")).build());
    }

    private String code() {
        String location = authorize(Tokens.CLIENT_ID, "snapchat-marketing-api").headers().firstValue("Location")
                .orElseThrow();
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    private HttpResponse<String> exchange(String code, String secret) {
        return snap.form(TOKEN, "grant_type=authorization_code&client_id=" + Tokens.CLIENT_ID + "&client_secret="
                + secret + "&code=" + code + "&redirect_uri=" + encode(REDIRECT));
    }

    @Test
    void approvesAtOnceAndRedirectsWithACodeAndTheState() {
        HttpResponse<String> response = authorize(Tokens.CLIENT_ID, "snapchat-marketing-api");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(REDIRECT + "?code=code-").endsWith("&state=st-42"));
    }

    @Test
    void showsAnErrorInsteadOfRedirectingForAnUnknownClient() {
        HttpResponse<String> response = authorize("someone-else", "snapchat-marketing-api");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(SnapSandbox.json(response).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void redirectsBackAnInvalidScope() {
        assertThat(authorize(Tokens.CLIENT_ID, "snapchat-profile-api").headers().firstValue("Location"))
                .hasValue(REDIRECT + "?error=invalid_scope&state=st-42");
    }

    @Test
    void exchangesACodeOnceForTokensThatWork() {
        String code = code();

        JsonNode granted = SnapSandbox.json(exchange(code, Tokens.CLIENT_SECRET));
        HttpResponse<String> again = exchange(code, Tokens.CLIENT_SECRET);

        assertThat(granted.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(granted.get("expires_in").asLong()).isEqualTo(snap.state().tokens().lifetime().toSeconds());
        assertThat(snap.state().tokens().check(granted.get("access_token").asText())).isEqualTo(Tokens.Check.VALID);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(again).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refusesAWrongClientSecretAsAnInvalidClient() {
        HttpResponse<String> response = exchange(code(), "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SnapSandbox.json(response).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void takesTheClientAsHttpBasicToo() {
        String basic = Base64.getEncoder().encodeToString((Tokens.CLIENT_ID + ":" + Tokens.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = snap.send(HttpRequest.newBuilder(URI.create(snap.base() + TOKEN))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code()
                        + "&redirect_uri=" + encode(REDIRECT))).build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshesWithTheRefreshTokenAndRetiresTheOldAccessToken() {
        JsonNode granted = SnapSandbox.json(exchange(code(), Tokens.CLIENT_SECRET));

        JsonNode refreshed = SnapSandbox.json(snap.form(TOKEN, "grant_type=refresh_token&client_id=" + Tokens.CLIENT_ID
                + "&client_secret=" + Tokens.CLIENT_SECRET + "&refresh_token=" + granted.get("refresh_token").asText()));

        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(granted.get("access_token").asText());
        assertThat(snap.state().tokens().check(refreshed.get("access_token").asText())).isEqualTo(Tokens.Check.VALID);
        assertThat(snap.state().tokens().check(granted.get("access_token").asText())).isNotEqualTo(Tokens.Check.VALID);
    }

    @Test
    void refusesTheRefreshOfARevokedGrantAsAnInvalidGrant() {
        JsonNode granted = SnapSandbox.json(exchange(code(), Tokens.CLIENT_SECRET));
        snap.state().tokens().revoke(granted.get("access_token").asText());

        HttpResponse<String> response = snap.form(TOKEN, "grant_type=refresh_token&client_id=" + Tokens.CLIENT_ID
                + "&client_secret=" + Tokens.CLIENT_SECRET + "&refresh_token=" + granted.get("refresh_token").asText());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refusesAGrantTypeItDoesNotKnow() {
        HttpResponse<String> response = snap.form(TOKEN, "grant_type=client_credentials&client_id=" + Tokens.CLIENT_ID
                + "&client_secret=" + Tokens.CLIENT_SECRET);

        assertThat(SnapSandbox.json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
