package ai.stratum.sandbox.google;

import ai.stratum.sandbox.platform.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleOAuthTest {

    private static final String REDIRECT = "https://app.example/oauth/callback/google";

    private final GoogleApi google = new GoogleApi();

    @AfterEach
    void close() {
        google.close();
    }

    private HttpResponse<String> authorize(String clientId) {
        String query = "client_id=" + clientId + "&redirect_uri=" + encode(REDIRECT) + "&response_type=code&scope="
                + encode("https://www.googleapis.com/auth/adwords") + "&access_type=offline&prompt=consent&state=xyz-1";
        return google.send(HttpRequest.newBuilder(google.base().resolve("/o/oauth2/v2/auth?" + query)).GET().build());
    }

    private HttpResponse<String> token(String form) {
        return google.send(HttpRequest.newBuilder(google.base().resolve("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private JsonNode exchange() {
        String location = authorize(Tokens.CLIENT_ID).headers().firstValue("Location").orElseThrow();
        return GoogleApi.json(token("grant_type=authorization_code&code=" + encode(query(location).get("code"))
                + "&redirect_uri=" + encode(REDIRECT) + "&client_id=" + Tokens.CLIENT_ID + "&client_secret="
                + Tokens.CLIENT_SECRET).body());
    }

    @Test
    void consentsAtOnceAndRedirectsWithCodeStateAndScope() {
        HttpResponse<String> response = authorize(Tokens.CLIENT_ID);

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        assertThat(query(location)).containsEntry("state", "xyz-1").containsKey("code")
                .containsEntry("scope", "https://www.googleapis.com/auth/adwords");
    }

    @Test
    void showsGooglesErrorPageInsteadOfRedirectingForAnUnknownClient() {
        HttpResponse<String> response = authorize("someone-else");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void exchangesTheCodeForTokensThatTheApiAccepts() {
        JsonNode tokens = exchange();

        assertThat(tokens.path("expires_in").asLong()).isEqualTo(3599);
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();
        assertThat(google.state().tokens().check(tokens.path("access_token").asText())).isEqualTo(Tokens.Check.VALID);
    }

    @Test
    void refreshesInTheFixturesShapeAndKeepsTheRefreshTokenValid() {
        String refreshToken = exchange().path("refresh_token").asText();
        String form = "grant_type=refresh_token&refresh_token=" + encode(refreshToken) + "&client_id=" + Tokens.CLIENT_ID
                + "&client_secret=" + Tokens.CLIENT_SECRET;

        JsonNode first = GoogleApi.json(token(form).body());
        JsonNode second = GoogleApi.json(token(form).body());

        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.OAUTH_REFRESH), first);
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.OAUTH_REFRESH), second);
        assertThat(google.state().tokens().check(first.path("access_token").asText())).isNotEqualTo(Tokens.Check.VALID);
        assertThat(google.state().tokens().check(second.path("access_token").asText())).isEqualTo(Tokens.Check.VALID);
    }

    @Test
    void refusesToRefreshARevokedGrantAsInvalidGrant() {
        JsonNode tokens = exchange();
        google.state().tokens().revoke(tokens.path("access_token").asText());

        HttpResponse<String> response = token("grant_type=refresh_token&refresh_token=" + encode(tokens.path("refresh_token")
                .asText()) + "&client_id=" + Tokens.CLIENT_ID + "&client_secret=" + Tokens.CLIENT_SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GoogleApi.json(response.body())).isEqualTo(GoogleApi.json(GoogleFixtures.OAUTH_INVALID_GRANT));
    }

    @Test
    void refusesAWrongClientSecretAsInvalidClient() {
        String code = google.state().tokens().issueCode(REDIRECT);

        HttpResponse<String> response = token("grant_type=authorization_code&code=" + code + "&redirect_uri="
                + encode(REDIRECT) + "&client_id=" + Tokens.CLIENT_ID + "&client_secret=wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(GoogleApi.json(response.body()).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void acceptsTheClientCredentialsInBasicAuthentication() {
        String code = google.state().tokens().issueCode(REDIRECT);
        String basic = Base64.getEncoder().encodeToString((Tokens.CLIENT_ID + ":" + Tokens.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = google.send(HttpRequest.newBuilder(google.base().resolve("/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + encode(REDIRECT))).build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAUsedCodeAndAnUnknownGrantType() {
        String code = google.state().tokens().issueCode(REDIRECT);
        String form = "code=" + code + "&redirect_uri=" + encode(REDIRECT) + "&client_id=" + Tokens.CLIENT_ID
                + "&client_secret=" + Tokens.CLIENT_SECRET;
        token("grant_type=authorization_code&" + form);

        assertThat(GoogleApi.json(token("grant_type=authorization_code&" + form).body()).path("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(GoogleApi.json(token("grant_type=password&" + form).body()).path("error").asText())
                .isEqualTo("unsupported_grant_type");
    }
}
