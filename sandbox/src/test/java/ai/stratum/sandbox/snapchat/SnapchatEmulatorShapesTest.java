package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.Tokens;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static ai.stratum.sandbox.snapchat.SnapFixtures.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's answers have the shape of the recorded and documented Snap answers the plugin was built on. */
class SnapchatEmulatorShapesTest {

    private final SnapSandbox snap = new SnapSandbox();

    @AfterEach
    void close() {
        snap.close();
    }

    @Test
    void listsCampaignsInTheRecordedEnvelopeWithTheCurrentObjective() {
        JsonNode answer = SnapSandbox.json(snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/campaigns"));

        // the recorded list has Snap's deprecated objective; the emulator writes its successor
        assertSameShape(SnapFixtures.read("snapchat/campaigns.list.json"), answer, Set.of("objective"), "campaigns");
        JsonNode campaign = answer.get("campaigns").get(0).get("campaign");
        assertThat(campaign.at("/objective_v2_properties/objective_v2_type").asText())
                .isIn("SALES", "TRAFFIC", "AWARENESS_AND_ENGAGEMENT");
        assertThat(answer.get("request_id").asText()).matches("[0-9a-f]{29}");
    }

    @Test
    void answersDayStatsInTheDocumentedTimeseriesShape() {
        SimulatedCampaign campaign = snap.account().campaigns().get(0);

        JsonNode answer = SnapSandbox.json(snap.get("/v1/campaigns/" + campaign.id() + "/stats?granularity=DAY"
                + "&fields=impressions,swipes,spend,conversion_purchases,conversion_purchases_value"
                + "&start_time=2026-09-01T00:00:00.000-07:00&end_time=2026-09-15T00:00:00.000-07:00"
                + "&swipe_up_attribution_window=28_DAY&view_attribution_window=1_DAY&action_report_time=impression"));

        JsonNode fixture = SnapFixtures.read("snapchat/campaign-stats.day.sales-pixel.json");
        assertSameShape(fixture, answer, Set.of(), "stats");
        List<String> fixtureFields = fieldNames(fixture.at("/timeseries_stats/0/timeseries_stat"));
        assertThat(fieldNames(answer.at("/timeseries_stats/0/timeseries_stat"))).containsExactlyElementsOf(fixtureFields);
        assertThat(fieldNames(answer.at("/timeseries_stats/0/timeseries_stat/timeseries/0/stats")))
                .containsExactlyElementsOf(fieldNames(fixture.at("/timeseries_stats/0/timeseries_stat/timeseries/0/stats")));
    }

    @Test
    void answersAFullCampaignUpdateInTheShapeOfTheUpdateFixture() {
        SimulatedCampaign campaign = snap.account().campaigns().get(0);
        ObjectNode object = (ObjectNode) SnapSandbox.json(snap.get("/v1/campaigns/" + campaign.id()))
                .at("/campaigns/0/campaign");

        HttpResponse<String> response = snap.send("PUT", "/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/campaigns",
                "{\"campaigns\":[" + object.put("status", "PAUSED") + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSameShape(SnapFixtures.read("snapchat/campaign.update.response.json"), SnapSandbox.json(response),
                Set.of("objective"), "update");
    }

    @Test
    void answersARateLimitAndAnExpiredTokenWithTheRecordedBodies() {
        snap.state().faults().inject(new Fault.RateLimit(Duration.ofSeconds(30)));
        HttpResponse<String> limited = snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID);
        snap.state().faults().inject(new Fault.TokenExpired());
        HttpResponse<String> expired = snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        assertSameShape(SnapFixtures.read("snapchat/error.429.json"), SnapSandbox.json(limited), Set.of(), "429");
        assertThat(SnapSandbox.json(limited).get("msg")).isEqualTo(SnapFixtures.read("snapchat/error.429.json").get("msg"));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(SnapSandbox.json(expired).get("msg")).isEqualTo(SnapFixtures.read("snapchat/error.401.json").get("msg"));
        assertSameShape(SnapFixtures.read("snapchat/error.401.json"), SnapSandbox.json(expired), Set.of(), "401");
    }

    @Test
    void issuesTokensInTheShapeOfTheRecordedTokenAnswer() {
        String code = snap.state().tokens().issueCode("https://app.example/cb");

        HttpResponse<String> response = snap.form("/login/oauth2/access_token", "grant_type=authorization_code"
                + "&client_id=" + Tokens.CLIENT_ID + "&client_secret=" + Tokens.CLIENT_SECRET + "&code=" + code
                + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb");

        JsonNode fixture = SnapFixtures.read("oauth/snapchat.refresh.response.json");
        assertSameShape(fixture, SnapSandbox.json(response), Set.of(), "token");
        assertThat(fieldNames(SnapSandbox.json(response))).containsExactlyElementsOf(fieldNames(fixture));
        assertThat(SnapSandbox.json(response).get("scope")).isEqualTo(fixture.get("scope"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(node.fieldNames(), 0), false).toList();
    }
}
