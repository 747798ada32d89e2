package ai.stratum.plugins.snapchat;

import static ai.stratum.plugins.snapchat.SnapWire.ACCOUNT_ID;
import static ai.stratum.plugins.snapchat.SnapWire.AD_ID;
import static ai.stratum.plugins.snapchat.SnapWire.AD_SQUAD_ID;
import static ai.stratum.plugins.snapchat.SnapWire.AWARENESS;
import static ai.stratum.plugins.snapchat.SnapWire.CATALOG_RETARGETING;
import static ai.stratum.plugins.snapchat.SnapWire.SALES_PIXEL;
import static ai.stratum.plugins.snapchat.SnapWire.failureOf;
import static ai.stratum.plugins.snapchat.SnapWire.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SnapchatActionExecutorTest {

    private static final Instant NOW = Instant.parse("2026-09-15T09:31:13Z");
    private static final String ACCOUNT_PATH = "/v1/adaccounts/" + ACCOUNT_ID;
    private static final String CAMPAIGNS_PATH = ACCOUNT_PATH + "/campaigns";
    private static final String SQUADS_PATH = "/v1/campaigns/" + SALES_PIXEL + "/adsquads";
    private static final String ADS_PATH = "/v1/adsquads/" + AD_SQUAD_ID + "/ads";

    private final SnapchatActionExecutor executor = new SnapchatActionExecutor();
    private WireServer snap;
    private ConnectorContext context;

    @BeforeEach
    void startSnap() {
        snap = WireServer.start();
        snap.on("GET", ACCOUNT_PATH).respond(WireResponse.json(200, SnapWire.adAccount()));
        for (String id : List.of(SALES_PIXEL, CATALOG_RETARGETING, AWARENESS)) {
            snap.on("GET", "/v1/campaigns/" + id)
                    .respond(WireResponse.json(200, SnapWire.campaign(SnapWire.listedCampaign(id))));
        }
        snap.on("PUT", CAMPAIGNS_PATH).respond(WireResponse.json(200, SnapWire.fixture("snapchat/campaign.update.response.json")));
        snap.on("GET", "/v1/adsquads/" + AD_SQUAD_ID).respond(WireResponse.json(200, SnapWire.adSquad()));
        snap.on("PUT", SQUADS_PATH).respond(WireResponse.json(200, SnapWire.adSquad()));
        snap.on("GET", "/v1/ads/" + AD_ID).respond(WireResponse.json(200, SnapWire.ad()));
        snap.on("PUT", ADS_PATH).respond(WireResponse.json(200, SnapWire.ad()));
        context = new TestContexts(TestContexts.TEST_POLICY, Clock.fixed(NOW, ZoneOffset.UTC))
                .context(snap.endpoints(), SnapWire.credentials());
    }

    @AfterEach
    void stopSnap() {
        snap.close();
    }

    private static ActionRequest request(ActionType type, EntityType entityType, String id, Change change) {
        return new ActionRequest("key-" + type, ACCOUNT_ID, type, List.of(new EntityChange(entityType, id, change)));
    }

    private static Change.SetBudget dailyBudget(long micros) {
        return new Change.SetBudget(BudgetPeriod.DAILY, new Money(micros, "USD"));
    }

    private JsonNode putBody(String path, int index) {
        return SnapWire.json(snap.requests("PUT", path).get(index).body());
    }

    @Test
    void putsTheWholeCampaignBackWithTheNewDailyBudget() {
        ObjectNode paused = SnapWire.listedCampaign(SALES_PIXEL).put("status", "PAUSED");
        snap.on("GET", "/v1/campaigns/" + SALES_PIXEL).respond(WireResponse.json(200, SnapWire.campaign(paused)));

        valueOf(executor.execute(context, request(ActionType.UPDATE_BUDGET, EntityType.CAMPAIGN, SALES_PIXEL,
                dailyBudget(300_000_000L))));

        // the recorded update, plus the attributes it leaves out that must not be reset by a full-object PUT
        ObjectNode expected = SnapWire.json(SnapWire.fixture("snapchat/campaign.update.request.json"));
        ((ObjectNode) expected.get("campaigns").get(0)).put("objective", "WEB_CONVERSION").put("buy_model", "AUCTION");
        assertThat(putBody(CAMPAIGNS_PATH, 0)).isEqualTo(expected);
        assertThat(snap.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + ACCOUNT_PATH, "GET /v1/campaigns/" + SALES_PIXEL, "PUT " + CAMPAIGNS_PATH);
        RecordedRequest put = snap.requests("PUT", CAMPAIGNS_PATH).get(0);
        assertThat(put.header("Authorization")).contains("Bearer " + SnapWire.TOKEN);
        assertThat(put.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @ParameterizedTest(name = "{0} {1} sets {2}")
    @CsvSource({
            "UPDATE_BUDGET, DAILY, daily_budget_micro",
            "INCREASE_BUDGET, DAILY, daily_budget_micro",
            "REDUCE_BUDGET, DAILY, daily_budget_micro",
            "UPDATE_BUDGET, LIFETIME, lifetime_spend_cap_micro",
            "REDUCE_BUDGET, LIFETIME, lifetime_spend_cap_micro"
    })
    void setsACampaignBudgetAsAnAbsoluteMicroAmount(ActionType type, BudgetPeriod period, String field) {
        valueOf(executor.execute(context, request(type, EntityType.CAMPAIGN, CATALOG_RETARGETING,
                new Change.SetBudget(period, new Money(123_456_789L, "USD")))));

        JsonNode sent = putBody(CAMPAIGNS_PATH, 0).get("campaigns").get(0);
        assertThat(sent.get(field).asLong()).isEqualTo(123_456_789L);
        assertThat(sent.get("id").asText()).isEqualTo(CATALOG_RETARGETING);
        assertThat(sent.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(sent.has("updated_at") || sent.has("created_at") || sent.has("delivery_status")
                || sent.has("creation_state")).as("read-only attributes stay out").isFalse();
    }

    @Test
    void pausesAndResumesACampaignWithoutReadingTheAccount() {
        valueOf(executor.execute(context, request(ActionType.UPDATE_STATUS, EntityType.CAMPAIGN, AWARENESS,
                new Change.SetStatus(EntityStatus.PAUSED))));

        JsonNode sent = putBody(CAMPAIGNS_PATH, 0).get("campaigns").get(0);
        assertThat(sent.get("status").asText()).isEqualTo("PAUSED");
        assertThat(sent.get("daily_budget_micro").asLong()).isEqualTo(60_000_000L);
        assertThat(snap.requests("GET", ACCOUNT_PATH)).isEmpty();
    }

    @Test
    void pausesEachUnderperformerInTurn() {
        ActionRequest request = new ActionRequest("key-pu", ACCOUNT_ID, ActionType.PAUSE_UNDERPERFORMING, List.of(
                new EntityChange(EntityType.CAMPAIGN, SALES_PIXEL, new Change.SetStatus(EntityStatus.PAUSED)),
                new EntityChange(EntityType.CAMPAIGN, AWARENESS, new Change.SetStatus(EntityStatus.PAUSED))));

        ActionResult result = valueOf(executor.execute(context, request));

        assertThat(snap.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /v1/campaigns/" + SALES_PIXEL, "PUT " + CAMPAIGNS_PATH,
                "GET /v1/campaigns/" + AWARENESS, "PUT " + CAMPAIGNS_PATH);
        assertThat(putBody(CAMPAIGNS_PATH, 1).get("campaigns").get(0).get("id").asText()).isEqualTo(AWARENESS);
        assertThat(result.rawResponses()).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(value = ActionType.class, names = {"UPDATE_BID", "INCREASE_BID", "REDUCE_BID"})
    void setsAnAdSquadBidUnderItsCampaignKeepingItsTargeting(ActionType type) {
        valueOf(executor.execute(context, request(type, EntityType.ADSET, AD_SQUAD_ID,
                new Change.SetBid(new Money(1_750_000L, "USD")))));

        JsonNode sent = putBody(SQUADS_PATH, 0).get("adsquads").get(0);
        assertThat(sent.get("bid_micro").asLong()).isEqualTo(1_750_000L);
        assertThat(sent.get("daily_budget_micro").asLong()).isEqualTo(120_000_000L);
        assertThat(sent.get("targeting").get("geos").get(0).get("country_code").asText()).isEqualTo("us");
        assertThat(sent.has("delivery_status")).isFalse();
        assertThat(snap.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + ACCOUNT_PATH, "GET /v1/adsquads/" + AD_SQUAD_ID, "PUT " + SQUADS_PATH);
    }

    @ParameterizedTest(name = "{0} sets {1}")
    @CsvSource({"DAILY, daily_budget_micro", "LIFETIME, lifetime_budget_micro"})
    void setsAnAdSquadBudget(BudgetPeriod period, String field) {
        valueOf(executor.execute(context, request(ActionType.INCREASE_BUDGET, EntityType.ADSET, AD_SQUAD_ID,
                new Change.SetBudget(period, new Money(150_000_000L, "USD")))));

        assertThat(putBody(SQUADS_PATH, 0).get("adsquads").get(0).get(field).asLong()).isEqualTo(150_000_000L);
    }

    @Test
    void pausesAnAdUnderItsAdSquad() {
        valueOf(executor.execute(context, request(ActionType.PAUSE_UNDERPERFORMING, EntityType.AD, AD_ID,
                new Change.SetStatus(EntityStatus.PAUSED))));

        JsonNode sent = putBody(ADS_PATH, 0).get("ads").get(0);
        assertThat(sent.get("status").asText()).isEqualTo("PAUSED");
        assertThat(sent.get("creative_id").asText()).isEqualTo("6ad4e432-f679-4a9b-af1d-c5781212dd75");
        assertThat(sent.has("review_status")).isFalse();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "UPDATE_BID, CAMPAIGN, bid",
            "UPDATE_BID, AD, bid",
            "UPDATE_BUDGET, AD, budget",
            "UPDATE_STATUS, CAMPAIGN, archive",
            "UPDATE_STATUS, ADSET, delete"
    })
    void rejectsWhatSnapCannotChangeBeforeAnyCall(ActionType type, EntityType entityType, String what) {
        Change change = switch (what) {
            case "bid" -> new Change.SetBid(new Money(1_000_000L, "USD"));
            case "budget" -> dailyBudget(50_000_000L);
            case "archive" -> new Change.SetStatus(EntityStatus.ARCHIVED);
            default -> new Change.SetStatus(EntityStatus.DELETED);
        };

        ConnectorException failure = failureOf(executor.execute(context, request(type, entityType, "some-id", change)));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("Snapchat");
        assertThat(snap.requests()).isEmpty();
    }

    @Test
    void rejectsAnAmountInAnotherCurrencyThanTheAccounts() {
        ConnectorException failure = failureOf(executor.execute(context, request(ActionType.UPDATE_BUDGET,
                EntityType.CAMPAIGN, SALES_PIXEL, new Change.SetBudget(BudgetPeriod.DAILY, new Money(300_000_000L, "EUR")))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("EUR", "USD");
        assertThat(snap.requests("PUT", CAMPAIGNS_PATH)).isEmpty();
    }

    @Test
    void rejectsACampaignOfAnotherAdAccount() {
        ObjectNode foreign = SnapWire.listedCampaign(SALES_PIXEL).put("ad_account_id", "81cf9302-764c-429a-8561-e3bc329cf987");
        snap.on("GET", "/v1/campaigns/" + SALES_PIXEL).respond(WireResponse.json(200, SnapWire.campaign(foreign)));

        ConnectorException failure = failureOf(executor.execute(context, request(ActionType.UPDATE_STATUS,
                EntityType.CAMPAIGN, SALES_PIXEL, new Change.SetStatus(EntityStatus.PAUSED))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(snap.requests("PUT", CAMPAIGNS_PATH)).isEmpty();
    }

    @Test
    void rejectsACampaignSnapDoesNotKnow() {
        snap.on("GET", "/v1/campaigns/999000111").respond(WireResponse.json(404,
                "{\"request_status\":\"ERROR\",\"request_id\":\"r\",\"debug_message\":\"Campaign not found\",\"error_code\":\"E3003\"}"));

        ConnectorException failure = failureOf(executor.execute(context, request(ActionType.UPDATE_BUDGET,
                EntityType.CAMPAIGN, "999000111", dailyBudget(50_000_000L))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("E3003");
    }

    @Test
    void rejectsAnUpdateSnapRefusesForTheCampaignWithItsReason() {
        snap.on("PUT", CAMPAIGNS_PATH).respond(WireResponse.json(200, """
                {"request_status":"SUCCESS","request_id":"r","campaigns":[{"sub_request_status":"ERROR",
                 "sub_request_error_reason":"daily_budget_micro is below the minimum of 20000000"}]}"""));

        ConnectorException failure = failureOf(executor.execute(context, request(ActionType.REDUCE_BUDGET,
                EntityType.CAMPAIGN, SALES_PIXEL, dailyBudget(1_000_000L))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("below the minimum");
    }

    @Test
    void returnsEverySnapAnswerInCallOrderWithTheKeyAndTheTime() {
        ActionResult result = valueOf(executor.execute(context, request(ActionType.UPDATE_BUDGET, EntityType.CAMPAIGN,
                SALES_PIXEL, dailyBudget(300_000_000L))));

        assertThat(result.idempotencyKey()).isEqualTo("key-UPDATE_BUDGET");
        assertThat(result.completedAt()).isEqualTo(NOW);
        assertThat(result.rawResponses()).containsExactly(SnapWire.adAccount(),
                SnapWire.campaign(SnapWire.listedCampaign(SALES_PIXEL)),
                SnapWire.fixture("snapchat/campaign.update.response.json"));
    }

    @Test
    void repeatingAnActionSendsTheSameAbsoluteObjectAgain() {
        ActionRequest request = request(ActionType.INCREASE_BUDGET, EntityType.CAMPAIGN, SALES_PIXEL,
                dailyBudget(310_000_000L));

        valueOf(executor.execute(context, request));
        valueOf(executor.execute(context, request));

        assertThat(putBody(CAMPAIGNS_PATH, 1)).isEqualTo(putBody(CAMPAIGNS_PATH, 0));
        assertThat(snap.requests("PUT", CAMPAIGNS_PATH).get(0).headers().keySet())
                .as("Snap takes no idempotency key").noneMatch(name -> name.contains("idempotency"));
    }

    @Test
    void letsTheHostRetryAnUpdateAfterAServerError() {
        snap.once("PUT", CAMPAIGNS_PATH).respond(WireResponse.of(503, "unavailable"));

        valueOf(executor.execute(context, request(ActionType.UPDATE_STATUS, EntityType.CAMPAIGN, SALES_PIXEL,
                new Change.SetStatus(EntityStatus.PAUSED))));

        assertThat(snap.requests("PUT", CAMPAIGNS_PATH)).hasSize(2);
    }
}
