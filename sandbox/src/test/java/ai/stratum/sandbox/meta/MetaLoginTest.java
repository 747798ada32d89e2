package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.platform.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Facebook Login: the dialog approves at once; the token endpoint exchanges codes and tokens as Meta does. */
class MetaLoginTest {

    private static final String REDIRECT = "https://app.example/oauth/callback/meta";

    private final MetaApi meta = new MetaApi(3);

    @AfterEach
    void close() {
        meta.close();
    }

    private MetaApi.Reply dialog(String clientId, String redirect) {
        return meta.send("GET", MetaApi.V + "dialog/oauth" + MetaApi.queryString("client_id", clientId,
                "redirect_uri", redirect, "state", "st-42", "scope", "ads_management,ads_read"), null, null);
    }

    private MetaApi.Reply token(String... params) {
        return meta.send("GET", MetaApi.V + "oauth/access_token" + MetaApi.queryString(params), null, null);
    }

    private MetaApi.Reply exchange(String code, String redirect, String secret) {
        return token("client_id", Tokens.CLIENT_ID, "redirect_uri", redirect, "client_secret", secret, "code", code);
    }

    private MetaApi.Reply fbExchange(String token) {
        return token("grant_type", "fb_exchange_token", "client_id", Tokens.CLIENT_ID,
                "client_secret", Tokens.CLIENT_SECRET, "fb_exchange_token", token);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private String login() {
        String code = query(dialog(Tokens.CLIENT_ID, REDIRECT).header("Location")).get("code");
        return exchange(code, REDIRECT, Tokens.CLIENT_SECRET).json().get("access_token").asText();
    }

    @Test
    void theDialogRedirectsAtOnceWithACodeAndTheState() {
        MetaApi.Reply reply = dialog(Tokens.CLIENT_ID, REDIRECT);

        assertThat(reply.status()).isEqualTo(302);
        String location = reply.header("Location");
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("#_=_");
        assertThat(query(location)).containsEntry("state", "st-42").containsKey("code");
    }

    @Test
    void theDialogShowsAnErrorPageForAnUnknownAppOrRedirect() {
        assertThat(dialog("someone-else", REDIRECT).status()).isEqualTo(400);
        assertThat(dialog("someone-else", REDIRECT).raw().body()).contains("Invalid App ID");
        assertThat(dialog(Tokens.CLIENT_ID, "/relative").status()).isEqualTo(400);
    }

    @Test
    void aCodeBecomesATokenThatWorks() {
        String code = query(dialog(Tokens.CLIENT_ID, REDIRECT).header("Location")).get("code");

        JsonNode token = exchange(code, REDIRECT, Tokens.CLIENT_SECRET).json();

        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(meta.send("GET", MetaApi.V + "act_1001", token.get("access_token").asText(), null).status())
                .isEqualTo(200);
    }

    @Test
    void aCodeWorksOnceAndOnlyForItsRedirect() {
        String code = query(dialog(Tokens.CLIENT_ID, REDIRECT).header("Location")).get("code");
        String other = query(dialog(Tokens.CLIENT_ID, REDIRECT).header("Location")).get("code");
        exchange(code, REDIRECT, Tokens.CLIENT_SECRET);

        assertThat(exchange(code, REDIRECT, Tokens.CLIENT_SECRET).error().get("error_subcode").asInt()).isEqualTo(36009);
        assertThat(exchange(other, "https://elsewhere.example/cb", Tokens.CLIENT_SECRET).error().get("error_subcode")
                .asInt()).isEqualTo(36008);
    }

    @Test
    void checksTheAppBeforeAnythingElse() {
        MetaApi.Reply wrongSecret = exchange("any", REDIRECT, "not-the-secret");
        MetaApi.Reply wrongApp = token("client_id", "12345", "client_secret", Tokens.CLIENT_SECRET, "code", "x",
                "redirect_uri", REDIRECT);

        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(wrongSecret.error().get("message").asText()).isEqualTo("Error validating client secret.");
        assertThat(wrongSecret.error().get("code").asInt()).isEqualTo(1);
        assertThat(wrongApp.error().get("code").asInt()).isEqualTo(101);
        assertThat(token("client_secret", "x").error().get("message").asText()).isEqualTo("Missing client_id parameter.");
    }

    @Test
    void aValidTokenIsExchangedForANewOneAndNothingIsRefreshed() {
        String shortLived = login();

        JsonNode longLived = fbExchange(shortLived).json();

        assertThat(longLived.has("refresh_token")).isFalse();
        assertThat(longLived.get("access_token").asText()).isNotEqualTo(shortLived);
        assertThat(meta.send("GET", MetaApi.V + "act_1001", longLived.get("access_token").asText(), null).status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredInvalidatedOrUnknownTokenCannotBeExchanged() {
        String expired = login();
        String revoked = login();
        meta.state().tokens().expire(expired);
        meta.state().tokens().revoke(revoked);

        assertThat(fbExchange(expired).error().get("error_subcode").asInt()).isEqualTo(463);
        assertThat(fbExchange(revoked).error().get("error_subcode").asInt()).isEqualTo(460);
        assertThat(fbExchange("never-issued").error().get("code").asInt()).isEqualTo(190);
        assertThat(fbExchange("never-issued").error().has("error_subcode")).isFalse();
    }

    @Test
    void theTokenEndpointTakesAFormPostToo() {
        String code = meta.state().tokens().issueCode(REDIRECT);

        MetaApi.Reply reply = meta.send("POST", MetaApi.V + "oauth/access_token", null, MetaApi.formBody(
                "client_id", Tokens.CLIENT_ID, "client_secret", Tokens.CLIENT_SECRET, "redirect_uri", REDIRECT,
                "code", code));

        assertThat(reply.json().get("access_token").isTextual()).isTrue();
    }
}
