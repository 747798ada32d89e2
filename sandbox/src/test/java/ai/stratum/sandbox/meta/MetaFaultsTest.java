package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults and refusals in Meta's words: rate limits with their waits, server errors, broken bodies, token errors. */
class MetaFaultsTest {

    private final MetaApi meta = new MetaApi(3);

    @AfterEach
    void close() {
        meta.close();
    }

    @Test
    void aRateLimitIsCode17WithTheWaitInBothUsageHeaders() {
        meta.state().faults().inject(new Fault.RateLimit(Duration.ofSeconds(150)));

        MetaApi.Reply reply = meta.get("act_1001/insights");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asInt()).isEqualTo(17);
        assertThat(reply.error().get("error_subcode").asInt()).isEqualTo(2446079);
        assertThat(reply.error().get("is_transient").asBoolean()).isTrue();
        JsonNode usage = Json.read(reply.header(GraphErrors.BUSINESS_USE_CASE_USAGE)).get("1001").get(0);
        assertThat(usage.get("type").asText()).isEqualTo("ads_insights");
        assertThat(usage.get("estimated_time_to_regain_access").asInt()).isEqualTo(3);
        JsonNode account = Json.read(reply.header(GraphErrors.AD_ACCOUNT_USAGE));
        assertThat(account.get("reset_time_duration").asInt()).isEqualTo(150);
        assertThat(account.get("acc_id_util_pct").asInt()).isEqualTo(100);
    }

    @Test
    void aRateLimitOnAnObjectIsCountedOnThatObject() {
        String campaign = meta.account.campaigns().get(0).id();
        meta.state().faults().inject(new Fault.RateLimit(Duration.ofMinutes(1)));

        MetaApi.Reply reply = meta.post(campaign, "status", "PAUSED");

        JsonNode usage = Json.read(reply.header(GraphErrors.BUSINESS_USE_CASE_USAGE));
        assertThat(usage.get(campaign).get(0).get("type").asText()).isEqualTo("ads_management");
        assertThat(meta.state().mutations()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"500, 2", "503, 2", "502, 1"})
    void aServerErrorIsATransientGraphError(int status, int code) {
        meta.state().faults().inject(new Fault.ServerError(status));

        MetaApi.Reply reply = meta.get("act_1001");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.error().get("code").asInt()).isEqualTo(code);
        assertThat(reply.error().get("is_transient").asBoolean()).isTrue();
    }

    @Test
    void aMalformedAnswerIsASuccessWhoseJsonBreaksOff() {
        meta.state().faults().inject(new Fault.Malformed());

        MetaApi.Reply reply = meta.get("act_1001/campaigns");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().body()).startsWith("{\"data\":[");
        assertThatThrownBy(reply::json).isInstanceOf(Json.BadRequest.class);
    }

    @Test
    void anExpiredTokenIs190With463AndStaysExpired() {
        // the message tells the platform's time, which the emulator learns from the requests it answers
        meta.get("act_1001");
        meta.state().faults().inject(new Fault.TokenExpired());

        MetaApi.Reply first = meta.get("act_1001");
        MetaApi.Reply second = meta.get("act_1001");

        for (MetaApi.Reply reply : new MetaApi.Reply[] {first, second}) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error().get("code").asInt()).isEqualTo(190);
            assertThat(reply.error().get("error_subcode").asInt()).isEqualTo(463);
        }
        assertThat(first.error().get("message").asText())
                .startsWith("Error validating access token: Session has expired on Monday, 14-Sep-26 20:30:00 PDT.");
        assertThat(first.header("WWW-Authenticate")).startsWith("OAuth \"Facebook Platform\" \"invalid_token\"");
    }

    @Test
    void aRevokedOrUnknownTokenIs190With460() {
        meta.state().faults().inject(new Fault.TokenRevoked());

        JsonNode revoked = meta.get("act_1001").error();
        JsonNode unknown = meta.send("GET", MetaApi.V + "act_1001", "never-issued", null).error();

        assertThat(revoked.get("code").asInt()).isEqualTo(190);
        assertThat(revoked.get("error_subcode").asInt()).isEqualTo(460);
        assertThat(unknown.get("error_subcode").asInt()).isEqualTo(460);
    }

    @Test
    void aRequestWithoutATokenIsCode104() {
        MetaApi.Reply reply = meta.send("GET", MetaApi.V + "act_1001", null, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asInt()).isEqualTo(104);
        assertThat(reply.error().get("message").asText()).isEqualTo("An access token is required to request this resource.");
    }

    @Test
    void theLoginEndpointsSeeNoFaults() {
        meta.state().faults().inject(new Fault.ServerError(503));

        MetaApi.Reply reply = meta.send("GET", MetaApi.V + "dialog/oauth?client_id=stratum-sandbox&redirect_uri="
                + MetaApi.encode("https://app.example/cb"), null, null);

        assertThat(reply.status()).isEqualTo(302);
        assertThat(meta.state().faults().pending()).isEqualTo(1);
    }

    @Test
    void pathsAndVersionsGraphDoesNotKnowAreItsErrors() {
        String campaign = meta.account.campaigns().get(0).id();

        assertThat(meta.send("GET", "/v19.0/act_1001", MetaApi.TOKEN, null).error().get("code").asInt()).isEqualTo(2635);
        assertThat(meta.get("act_1001/adcreatives").error().get("message").asText())
                .isEqualTo("Unknown path components: /adcreatives");
        assertThat(meta.get(campaign + "/users").error().get("code").asInt()).isEqualTo(2500);
        assertThat(meta.get("act_1001/campaigns/extra").error().get("code").asInt()).isEqualTo(2500);
        assertThat(meta.get("act_9999").error().get("error_subcode").asInt()).isEqualTo(33);
        assertThat(meta.get("act_1001", "fields", "currency,owner").error().get("message").asText())
                .isEqualTo("(#100) Tried accessing nonexisting field (owner) on node type (AdAccount)");
        assertThat(meta.send("POST", MetaApi.V + campaign, MetaApi.TOKEN, "{broken").error().get("code").asInt())
                .isEqualTo(100);
    }

    @Test
    void anUnversionedPathIsTheCurrentVersion() {
        JsonNode account = meta.send("GET", "/act_1001?fields=currency,timezone_name", MetaApi.TOKEN, null).json();

        assertThat(account.toString()).isEqualTo(
                "{\"currency\":\"USD\",\"timezone_name\":\"America/Los_Angeles\",\"id\":\"act_1001\"}");
    }
}
