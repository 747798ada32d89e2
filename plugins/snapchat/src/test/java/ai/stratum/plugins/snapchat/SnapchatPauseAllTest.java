package ai.stratum.plugins.snapchat;

import static ai.stratum.plugins.snapchat.SnapWire.ACCOUNT_ID;
import static ai.stratum.plugins.snapchat.SnapWire.failureOf;
import static ai.stratum.plugins.snapchat.SnapWire.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapchatPauseAllTest {

    private static final String CAMPAIGNS_PATH = "/v1/adaccounts/" + ACCOUNT_ID + "/campaigns";
    private static final ActionRequest PAUSE_ALL = new ActionRequest("key-pause-all", ACCOUNT_ID, ActionType.PAUSE_ALL,
            List.of(new EntityChange(EntityType.ACCOUNT, ACCOUNT_ID, new Change.SetStatus(EntityStatus.PAUSED))));

    private final SnapchatActionExecutor executor = new SnapchatActionExecutor();
    private WireServer snap;
    private ConnectorContext context;

    @BeforeEach
    void startSnap() {
        snap = WireServer.start();
        context = TestContexts.standard().context(snap.endpoints(), SnapWire.credentials());
    }

    @AfterEach
    void stopSnap() {
        snap.close();
    }

    /** {@code count} copies of a listed campaign; every third one paused. */
    private static List<ObjectNode> campaigns(int from, int count) {
        List<ObjectNode> campaigns = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ObjectNode campaign = SnapWire.listedCampaign(SnapWire.SALES_PIXEL).deepCopy();
            campaign.put("id", String.format("00000000-0000-4000-8000-%012d", i)).put("name", "Campaign " + i)
                    .put("status", i % 3 == 0 ? "PAUSED" : "ACTIVE");
            campaigns.add(campaign);
        }
        return campaigns;
    }

    private void serveCampaignPages(List<ObjectNode> first, List<ObjectNode> second) {
        ObjectNode page1 = SnapWire.json(SnapWire.envelope("campaigns", "campaign", first));
        page1.putObject("paging").put("next_link", "https://adsapi.snapchat.com" + CAMPAIGNS_PATH + "?cursor=page2&limit=1000");
        snap.on("GET", CAMPAIGNS_PATH).withoutQuery("cursor").respond(WireResponse.json(200, SnapJson.write(page1)));
        snap.on("GET", CAMPAIGNS_PATH).withQuery("cursor", "page2")
                .respond(WireResponse.json(200, SnapWire.envelope("campaigns", "campaign", second)));
    }

    /** Snap answers an update with the campaigns it took, one per campaign sent. */
    private void answerUpdatesWith(int... sizes) {
        for (int size : sizes) {
            snap.once("PUT", CAMPAIGNS_PATH).respond(WireResponse.json(200,
                    SnapWire.envelope("campaigns", "campaign", campaigns(0, size))));
        }
    }

    private static List<JsonNode> sent(RecordedRequest put) {
        return StreamSupport.stream(SnapWire.json(put.body()).get("campaigns").spliterator(), false).toList();
    }

    @Test
    void pausesEveryActiveCampaignOnEveryPageInBatchesOfFifty() {
        List<ObjectNode> first = campaigns(0, 90);
        List<ObjectNode> second = campaigns(90, 90);
        serveCampaignPages(first, second);
        answerUpdatesWith(50, 50, 20);

        ActionResult result = valueOf(executor.execute(context, PAUSE_ALL));

        List<RecordedRequest> puts = snap.requests("PUT", CAMPAIGNS_PATH);
        assertThat(puts).extracting(put -> sent(put).size()).containsExactly(50, 50, 20);
        List<JsonNode> paused = puts.stream().flatMap(put -> sent(put).stream()).toList();
        List<String> active = new ArrayList<>();
        first.forEach(c -> { if ("ACTIVE".equals(c.get("status").asText())) active.add(c.get("id").asText()); });
        second.forEach(c -> { if ("ACTIVE".equals(c.get("status").asText())) active.add(c.get("id").asText()); });
        assertThat(paused).extracting(c -> c.get("id").asText()).containsExactlyElementsOf(active);
        assertThat(paused).allSatisfy(campaign -> {
            assertThat(campaign.get("status").asText()).isEqualTo("PAUSED");
            assertThat(campaign.get("ad_account_id").asText()).isEqualTo(ACCOUNT_ID);
            assertThat(campaign.get("daily_budget_micro").asLong()).isEqualTo(250_000_000L);
            assertThat(campaign.has("updated_at") || campaign.has("delivery_status")).isFalse();
        });
        assertThat(snap.requests("GET", CAMPAIGNS_PATH)).extracting(r -> r.query().get("limit")).containsOnly("1000");
        assertThat(result.rawResponses()).hasSize(2 + 3);
    }

    @Test
    void changesNothingWhenNoCampaignIsActive() {
        List<ObjectNode> paused = campaigns(0, 3);
        paused.forEach(campaign -> campaign.put("status", "PAUSED"));
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.envelope("campaigns", "campaign", paused)));

        ActionResult result = valueOf(executor.execute(context, PAUSE_ALL));

        assertThat(snap.requests("PUT", CAMPAIGNS_PATH)).isEmpty();
        assertThat(result.rawResponses()).hasSize(1);
    }

    @Test
    void pausesTheFixturesThreeActiveCampaignsInOneRequest() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.fixture("snapchat/campaigns.list.json")));
        answerUpdatesWith(3);

        valueOf(executor.execute(context, PAUSE_ALL));

        assertThat(sent(snap.requests("PUT", CAMPAIGNS_PATH).get(0))).extracting(c -> c.get("id").asText())
                .containsExactlyElementsOf(SnapWire.CAMPAIGNS);
    }

    @Test
    void failsWhenSnapTakesFewerCampaignsThanSent() {
        snap.on("GET", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.fixture("snapchat/campaigns.list.json")));
        answerUpdatesWith(2);

        assertThat(failureOf(executor.execute(context, PAUSE_ALL)).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }
}
