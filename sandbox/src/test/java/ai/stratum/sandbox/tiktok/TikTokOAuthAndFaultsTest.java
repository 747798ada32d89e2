package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static ai.stratum.sandbox.tiktok.TikTokFixtures.shape;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.ADVERTISER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TikTokOAuthAndFaultsTest {

    private static final String REDIRECT = "https://app.example/oauth/tiktok";
    private static final Map<String, String> CAMPAIGNS = Map.of("advertiser_id", ADVERTISER);

    private TikTokSandbox tiktok = new TikTokSandbox();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private HttpResponse<String> authorize(String appId) {
        return tiktok.send("GET", "/portal/auth?app_id=" + appId + "&state=s-1&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8), null, null, null);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private JsonNode exchange(String secret, String code) {
        return Json.read(tiktok.send("POST", TikTokOAuth.TOKEN_PATH, null, "application/json", "{\"app_id\":\""
                + Tokens.CLIENT_ID + "\",\"secret\":\"" + secret + "\",\"auth_code\":\"" + code + "\"}").body());
    }

    private String code() {
        return query(authorize(Tokens.CLIENT_ID).headers().firstValue("Location").orElseThrow()).get("auth_code");
    }

    @Test
    void approvesAtOnceAndRedirectsWithTheCodeUnderBothNamesAndTheState() {
        HttpResponse<String> response = authorize(Tokens.CLIENT_ID);

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> query = query(location);
        assertThat(query.get("auth_code")).isNotBlank().isEqualTo(query.get("code"));
        assertThat(query).containsEntry("state", "s-1");
    }

    @Test
    void showsAnErrorPageToAnUnknownApp() {
        HttpResponse<String> response = authorize("someone-else");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void exchangesACodeOnceForALongTermTokenAsTheFixtureShows() {
        tiktok.close();
        // tokens the sandbox issues expire at once: the exchanged one must not, as TikTok's advertiser tokens never do
        tiktok = new TikTokSandbox(new TikTokEmulator(), Duration.ZERO);
        String code = code();

        JsonNode answer = exchange(Tokens.CLIENT_SECRET, code);

        assertThat(shape(answer)).isEqualTo(shape(TikTokFixtures.read("oauth/tiktok.access-token.response.json")));
        assertThat(answer.at("/data/advertiser_ids/0").asText()).isEqualTo(ADVERTISER);
        String token = answer.at("/data/access_token").asText();
        HttpResponse<String> campaigns = tiktok.send("GET", TikTokSandbox.api("campaign/get") + "?advertiser_id="
                + ADVERTISER, token, null, null);
        assertThat(Json.read(campaigns.body()).path("code").asInt()).isZero();
        assertThat(exchange(Tokens.CLIENT_SECRET, code).path("code").asInt()).as("a code works once").isEqualTo(40110);
    }

    @Test
    void refusesAWrongSecretWithoutUsingTheCode() {
        String code = code();

        assertThat(exchange("not-the-secret", code).path("code").asInt()).isEqualTo(40101);
        assertThat(exchange(Tokens.CLIENT_SECRET, code).path("code").asInt()).isZero();
    }

    @Test
    void answersARateLimitInsideA200AsTheFixtureShows() {
        tiktok.state().faults().inject(new Fault.RateLimit(Duration.ofMinutes(1)));

        HttpResponse<String> response = tiktok.get("campaign/get", CAMPAIGNS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        JsonNode body = Json.read(response.body());
        assertThat(shape(body)).isEqualTo(shape(TikTokFixtures.read("tiktok/error.40100-rate-limit.json")));
        assertThat(body.path("code").asInt()).isEqualTo(40100);
    }

    @Test
    void answersAServerErrorWithItsStatusAndTikToksSystemError() {
        tiktok.state().faults().inject(new Fault.ServerError(503));

        HttpResponse<String> response = tiktok.get("campaign/get", CAMPAIGNS);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Json.read(response.body()).path("code").asInt()).isEqualTo(50000);
    }

    @Test
    void cutsAMalformedAnswerOffInsideItsData() {
        tiktok.state().faults().inject(new Fault.Malformed());

        HttpResponse<String> response = tiktok.get("campaign/get", CAMPAIGNS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"code\":0");
        assertThatThrownBy(() -> Json.read(response.body())).isInstanceOf(Json.BadRequest.class);
    }

    @Test
    void tellsAnExpiredTokenFromARevokedAndAMissingOne() {
        tiktok.state().faults().inject(new Fault.TokenExpired());
        assertThat(Json.read(tiktok.get("campaign/get", CAMPAIGNS).body()).path("code").asInt()).isEqualTo(40102);

        tiktok.state().faults().inject(new Fault.TokenRevoked());
        JsonNode revoked = Json.read(tiktok.get("campaign/get", CAMPAIGNS).body());
        assertThat(shape(revoked)).isEqualTo(shape(TikTokFixtures.read("tiktok/error.40105-access-token.json")));
        assertThat(revoked.path("code").asInt()).isEqualTo(40105);
        assertThat(revoked.path("message").asText()).isEqualTo(
                TikTokFixtures.read("tiktok/error.40105-access-token.json").path("message").asText());

        JsonNode missing = Json.read(tiktok.send("GET", TikTokSandbox.api("campaign/get") + "?advertiser_id=" + ADVERTISER,
                null, null, null).body());
        assertThat(missing.path("code").asInt()).isEqualTo(40104);
    }
}
