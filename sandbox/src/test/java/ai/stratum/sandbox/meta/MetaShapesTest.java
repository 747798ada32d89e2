package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static ai.stratum.sandbox.meta.Shapes.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's answers have the shapes of the Meta plugin's wire fixtures: names, types, envelopes. */
class MetaShapesTest {

    private static final String INSIGHTS_FIELDS =
            "campaign_id,campaign_name,spend,impressions,clicks,actions,action_values,purchase_roas,date_start,date_stop";
    private static final String SEPT = "{\"since\":\"2026-09-01\",\"until\":\"2026-09-14\"}";

    private final MetaApi meta = new MetaApi();

    @AfterEach
    void close() {
        meta.close();
    }

    @Test
    void aCampaignListHasTheFixturesFieldsAndPaging() {
        JsonNode fixture = MetaApi.fixture("meta/campaigns.list.json");

        JsonNode page = meta.get("act_1001/campaigns", "fields", "id,name,status,daily_budget,lifetime_budget,objective",
                "limit", "50").json();

        assertSameShape(page, fixture, "campaigns");
        assertThat(page.at("/data/0/lifetime_budget").asText()).isEqualTo("0");
    }

    @Test
    void anInsightsPageHasTheFixturesRowsCursorsAndNextLink() {
        JsonNode fixture = MetaApi.fixture("meta/insights.campaign-daily.page1.json");
        JsonNode withPurchases = fixture.at("/data/0");
        JsonNode withoutPurchases = fixture.at("/data/2");
        assertThat(withoutPurchases.has("action_values")).isFalse();

        JsonNode page = meta.get("act_1001/insights", "fields", INSIGHTS_FIELDS, "level", "campaign",
                "time_increment", "1", "time_range", SEPT, "limit", "25").json();

        assertThat(page.at("/paging/cursors/before").asText()).isEqualTo(fixture.at("/paging/cursors/before").asText());
        assertThat(page.at("/paging/cursors/after").asText()).isEqualTo(fixture.at("/paging/cursors/after").asText());
        assertSameShape(page.get("paging"), fixture.get("paging"), "paging");
        assertThat(page.get("data")).hasSize(25);
        for (JsonNode row : page.get("data")) {
            assertSameShape(row, row.has("action_values") ? withPurchases : withoutPurchases, "row");
        }
    }

    @Test
    void theLastInsightsPageHasAPreviousLinkAndNoNext() {
        JsonNode fixture = MetaApi.fixture("meta/insights.campaign-daily.page2.json");

        JsonNode page = meta.get("act_1001/insights", "fields", INSIGHTS_FIELDS, "level", "campaign",
                "time_increment", "1", "time_range", SEPT, "limit", "100").json();
        while (page.at("/paging/next").isTextual()) {
            page = meta.open(page.at("/paging/next").asText()).json();
        }

        assertSameShape(page.get("paging"), fixture.get("paging"), "paging");
    }

    @Test
    void datasetQualityNamesEachEventWithANumericCompositeScore() {
        JsonNode fixture = MetaApi.fixture("meta/dataset-quality.web.json").at("/web/0");
        String dataset = meta.account.datasetEmq().keySet().iterator().next();

        JsonNode event = meta.get("dataset_quality", "dataset_id", dataset,
                "fields", "web{event_name,event_match_quality}").json().at("/web/0");

        assertThat(event.get("event_name").getNodeType()).isEqualTo(fixture.get("event_name").getNodeType());
        assertThat(event.at("/event_match_quality/composite_score").getNodeType())
                .isEqualTo(fixture.at("/event_match_quality/composite_score").getNodeType());
        assertThat(event.at("/event_match_quality/composite_score").asDouble())
                .isEqualTo(meta.account.datasetEmq().get(dataset));
    }

    @Test
    void errorsHaveTheFixturesEnvelopes() {
        List<JsonNode[]> pairs = new ArrayList<>();
        meta.state().faults().inject(new Fault.RateLimit(Duration.ofMinutes(5)));
        pairs.add(new JsonNode[] {meta.get("act_1001").json(), MetaApi.fixture("meta/error.17-user-request-limit.json")});
        meta.state().faults().inject(new Fault.TokenExpired());
        pairs.add(new JsonNode[] {meta.get("act_1001").json(), MetaApi.fixture("meta/error.190-token-expired.json")});
        meta.state().faults().inject(new Fault.TokenRevoked());
        pairs.add(new JsonNode[] {meta.get("act_1001").json(), MetaApi.fixture("meta/error.190-token-invalidated.json")});

        for (JsonNode[] pair : pairs) {
            assertSameShape(pair[0], pair[1], pair[1].at("/error/code").asText());
        }
    }

    @Test
    void anUnknownInsightsFieldIsRefusedInTheFixturesWords() {
        JsonNode fixture = MetaApi.fixture("meta/error.100-invalid-parameter.json");

        MetaApi.Reply reply = meta.get("act_1001/insights", "fields", "campaign_id,purchase_value");

        assertThat(reply.status()).isEqualTo(400);
        assertSameShape(reply.json(), fixture, "error");
        assertThat(reply.error().get("message")).isEqualTo(fixture.at("/error/message"));
    }

    @Test
    void theFixturesBudgetUpdateSetsTheBudgetAndAnswersSuccess() {
        SimulatedCampaign campaign = meta.account.campaigns().get(0);
        JsonNode request = MetaApi.fixture("meta/campaign-update.budget.request.json");

        JsonNode answer = meta.post(campaign.id(), "daily_budget", request.get("daily_budget").asText()).json();

        assertThat(answer).isEqualTo(MetaApi.fixture("meta/campaign-update.success.json"));
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(500_000_000L);
    }

    @Test
    void aTokenAnswerHasTheFixturesFields() {
        String code = meta.state().tokens().issueCode("https://app.example/cb");

        JsonNode token = meta.send("GET", MetaApi.V + "oauth/access_token" + MetaApi.queryString("client_id",
                "stratum-sandbox", "client_secret", "sandbox-secret", "redirect_uri", "https://app.example/cb",
                "code", code), null, null).json();

        assertSameShape(token, MetaApi.fixture("oauth/meta.long-lived-token.response.json"), "token");
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
    }
}
