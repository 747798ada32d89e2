package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.ADVERTISER;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.TOKEN;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.doc;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.error;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.failure;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.join;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.json;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.path;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.shared;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TikTokActionExecutorTest {

    private static final Instant NOW = Instant.parse("2026-09-15T02:21:33Z");
    private static final String CAMPAIGN = "1812345678901234";
    private static final String ADGROUP = "1812345678911111";

    private final TikTokTestPlatform tiktok = new TikTokTestPlatform().servesAdvertiserInfo();
    private final TikTokActionExecutor executor = new TikTokActionExecutor();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private ActionResult execute(ActionType type, EntityChange... changes) {
        return join(executor.execute(tiktok.context(Clock.fixed(NOW, ZoneOffset.UTC)),
                new ActionRequest("key-1", ADVERTISER, type, List.of(changes))));
    }

    private ConnectorException refusal(ActionType type, EntityChange... changes) {
        return failure(executor.execute(tiktok.context(), new ActionRequest("key-1", ADVERTISER, type, List.of(changes))));
    }

    private List<RecordedRequest> writes() {
        return tiktok.server.requests().stream().filter(request -> request.method().equals("POST")).toList();
    }

    private static EntityChange budget(EntityType level, String id, BudgetPeriod period, long micros, String currency) {
        return new EntityChange(level, id, new Change.SetBudget(period, new Money(micros, currency)));
    }

    private static EntityChange status(EntityType level, String id, EntityStatus status) {
        return new EntityChange(level, id, new Change.SetStatus(status));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ActionType.class, names = {"UPDATE_BUDGET", "INCREASE_BUDGET", "REDUCE_BUDGET"})
    void setsACampaignDailyBudgetWithTheDocumentedBody(ActionType type) {
        tiktok.server.on("POST", path("campaign/update")).respond(shared("campaign.update.response.json"));

        ActionResult result = execute(type, budget(EntityType.CAMPAIGN, CAMPAIGN, BudgetPeriod.DAILY, 350_000_000, "USD"));

        RecordedRequest write = writes().get(0);
        JsonNode sent = json(write.body());
        JsonNode documented = json(Fixtures.read("tiktok/campaign.update.request.json"));
        assertThat(sent.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(documented::fieldNames);
        assertThat(sent.path("advertiser_id").asText()).isEqualTo(documented.path("advertiser_id").asText());
        assertThat(sent.path("campaign_id").asText()).isEqualTo(documented.path("campaign_id").asText());
        assertThat(sent.path("budget_mode").asText()).isEqualTo(documented.path("budget_mode").asText());
        assertThat(sent.path("budget").isNumber()).isTrue();
        assertThat(sent.path("budget").decimalValue()).isEqualByComparingTo(documented.path("budget").decimalValue());
        assertThat(write.header("Access-Token")).contains(TOKEN);
        assertThat(write.header("Content-Type")).hasValueSatisfying(value -> assertThat(value).startsWith("application/json"));
        assertThat(result.idempotencyKey()).isEqualTo("key-1");
        assertThat(result.completedAt()).isEqualTo(NOW);
        assertThat(result.rawResponses()).containsExactly(Fixtures.read("tiktok-doc/advertiser.info.json"),
                Fixtures.read("tiktok/campaign.update.response.json"));
    }

    @Test
    void setsALifetimeCampaignBudgetAsTikToksTotalBudgetToTheCent() {
        tiktok.server.on("POST", path("campaign/update")).respond(shared("campaign.update.response.json"));

        execute(ActionType.UPDATE_BUDGET, budget(EntityType.CAMPAIGN, CAMPAIGN, BudgetPeriod.LIFETIME, 1_234_560_000, "USD"));

        JsonNode sent = json(writes().get(0).body());
        assertThat(sent.path("budget_mode").asText()).isEqualTo("BUDGET_MODE_TOTAL");
        assertThat(sent.path("budget").decimalValue()).isEqualByComparingTo("1234.56");
    }

    @Test
    void setsAnAdGroupBudgetThroughTheAdGroupUpdate() {
        tiktok.server.on("POST", path("adgroup/update")).respond(doc("adgroup.update.response.json"));

        execute(ActionType.REDUCE_BUDGET, budget(EntityType.ADSET, ADGROUP, BudgetPeriod.DAILY, 75_500_000, "USD"));

        JsonNode sent = json(writes().get(0).body());
        assertThat(writes().get(0).path()).isEqualTo(path("adgroup/update"));
        assertThat(sent.size()).isEqualTo(3);
        assertThat(sent.path("advertiser_id").asText()).isEqualTo(ADVERTISER);
        assertThat(sent.path("adgroup_id").asText()).isEqualTo(ADGROUP);
        assertThat(sent.path("budget").decimalValue()).isEqualByComparingTo("75.5");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ActionType.class, names = {"UPDATE_BID", "INCREASE_BID", "REDUCE_BID"})
    void setsAnAdGroupBidPrice(ActionType type) {
        tiktok.server.on("POST", path("adgroup/update")).respond(doc("adgroup.update.response.json"));

        execute(type, new EntityChange(EntityType.ADSET, ADGROUP, new Change.SetBid(new Money(2_150_000, "USD"))));

        JsonNode sent = json(writes().get(0).body());
        assertThat(sent.size()).isEqualTo(3);
        assertThat(sent.path("adgroup_id").asText()).isEqualTo(ADGROUP);
        assertThat(sent.path("bid_price").decimalValue()).isEqualByComparingTo("2.15");
    }

    @Test
    void pausesACampaignWithTheDocumentedStatusBody() {
        tiktok.server.on("POST", path("campaign/status/update")).respond(shared("campaign.status.update.response.json"));

        ActionResult result = execute(ActionType.UPDATE_STATUS, status(EntityType.CAMPAIGN, "1812345678909012", EntityStatus.PAUSED));

        assertThat(json(writes().get(0).body())).isEqualTo(json(Fixtures.read("tiktok/campaign.status.update.request.json")));
        assertThat(tiktok.server.requests("GET", path("advertiser/info"))).as("a status needs no currency").isEmpty();
        assertThat(result.rawResponses()).containsExactly(Fixtures.read("tiktok/campaign.status.update.response.json"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "CAMPAIGN, ACTIVE,  campaign/status/update, ENABLE,  campaign_ids",
            "CAMPAIGN, DELETED, campaign/status/update, DELETE,  campaign_ids",
            "ADSET,    PAUSED,  adgroup/status/update,  DISABLE, adgroup_ids",
            "ADSET,    ACTIVE,  adgroup/status/update,  ENABLE,  adgroup_ids",
            "AD,       PAUSED,  ad/status/update,       DISABLE, ad_ids",
            "AD,       DELETED, ad/status/update,       DELETE,  ad_ids"
    })
    void setsEachLevelsStatusThroughItsStatusEndpoint(EntityType level, EntityStatus target, String resource,
                                                     String operationStatus, String idsField) {
        tiktok.server.on("POST", path(resource)).respond(doc("adgroup.status.update.response.json"));

        execute(ActionType.UPDATE_STATUS, status(level, "42", target));

        JsonNode sent = json(writes().get(0).body());
        assertThat(writes().get(0).path()).isEqualTo(path(resource));
        assertThat(sent.path("advertiser_id").asText()).isEqualTo(ADVERTISER);
        assertThat(sent.path(idsField)).isEqualTo(json("[\"42\"]"));
        assertThat(sent.path("operation_status").asText()).isEqualTo(operationStatus);
    }

    @Test
    void pausesUnderperformersTwentyIdsPerCallGroupedByLevel() {
        tiktok.server.on("POST", path("campaign/status/update")).respond(shared("campaign.status.update.response.json"));
        tiktok.server.on("POST", path("adgroup/status/update")).respond(doc("adgroup.status.update.response.json"));
        EntityChange[] changes = IntStream.range(0, 26).mapToObj(i -> i == 3
                ? status(EntityType.ADSET, "ag-" + i, EntityStatus.PAUSED)
                : status(EntityType.CAMPAIGN, "c-" + i, EntityStatus.PAUSED)).toArray(EntityChange[]::new);

        ActionResult result = execute(ActionType.PAUSE_UNDERPERFORMING, changes);

        assertThat(writes()).extracting(RecordedRequest::path).containsExactly(
                path("campaign/status/update"), path("campaign/status/update"), path("adgroup/status/update"));
        assertThat(json(writes().get(0).body()).path("campaign_ids")).hasSize(20);
        assertThat(json(writes().get(1).body()).path("campaign_ids")).hasSize(5);
        assertThat(json(writes().get(2).body()).path("adgroup_ids")).isEqualTo(json("[\"ag-3\"]"));
        assertThat(result.rawResponses()).hasSize(3);
    }

    @Test
    void pausesAllOnlyTheCampaignsActiveAcrossEveryPage() {
        tiktok.server.on("GET", path("campaign/get")).withQuery("page", "1").respond(doc("campaign.get.page1.json"));
        tiktok.server.on("GET", path("campaign/get")).withQuery("page", "2").respond(doc("campaign.get.page2.json"));
        tiktok.server.on("POST", path("campaign/status/update")).respond(shared("campaign.status.update.response.json"));

        ActionResult result = execute(ActionType.PAUSE_ALL, status(EntityType.ACCOUNT, ADVERTISER, EntityStatus.PAUSED));

        assertThat(writes()).hasSize(1);
        JsonNode sent = json(writes().get(0).body());
        assertThat(sent.path("campaign_ids")).isEqualTo(json("[\"1812345678901234\",\"1812345678905678\",\"1812345678909012\"]"));
        assertThat(sent.path("operation_status").asText()).isEqualTo("DISABLE");
        assertThat(result.rawResponses()).containsExactly(Fixtures.read("tiktok-doc/campaign.get.page1.json"),
                Fixtures.read("tiktok-doc/campaign.get.page2.json"), Fixtures.read("tiktok/campaign.status.update.response.json"));
    }

    @Test
    void pausesAllWithoutAnyWriteWhenNothingIsActive() {
        // the paused and deleted campaigns of page 2, as the only page
        tiktok.server.on("GET", path("campaign/get")).respond(WireResponse.json(200,
                Fixtures.read("tiktok-doc/campaign.get.page2.json").replace("\"page\": 2", "\"page\": 1")
                        .replace("\"total_page\": 2", "\"total_page\": 1")));

        ActionResult result = execute(ActionType.PAUSE_ALL, status(EntityType.ACCOUNT, ADVERTISER, EntityStatus.PAUSED));

        assertThat(writes()).isEmpty();
        assertThat(result.rawResponses()).hasSize(1);
    }

    @Test
    void letsTheHostRetryAWriteAfterAServerError() {
        tiktok.server.once("POST", path("campaign/status/update")).respond(WireResponse.of(502, "Bad Gateway"));
        tiktok.server.on("POST", path("campaign/status/update")).respond(shared("campaign.status.update.response.json"));

        execute(ActionType.UPDATE_STATUS, status(EntityType.CAMPAIGN, "1812345678909012", EntityStatus.PAUSED));

        assertThat(writes()).hasSize(2);
    }

    @Test
    void failsTheActionWhenALaterCallIsRefused() {
        tiktok.server.once("POST", path("campaign/status/update")).respond(shared("campaign.status.update.response.json"));
        tiktok.server.on("POST", path("campaign/status/update")).respond(error(40002, "Invalid campaign_ids."));
        EntityChange[] changes = IntStream.range(0, 21)
                .mapToObj(i -> status(EntityType.CAMPAIGN, "c-" + i, EntityStatus.PAUSED)).toArray(EntityChange[]::new);

        ConnectorException failure = refusal(ActionType.UPDATE_STATUS, changes);

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("40002");
        assertThat(writes()).hasSize(2);
    }

    @Test
    void refusesABidOnACampaignOrAdBeforeSendingAnything() {
        EntityChange campaignBid = new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetBid(new Money(1_000_000, "USD")));
        EntityChange adBid = new EntityChange(EntityType.AD, "ad-1", new Change.SetBid(new Money(1_000_000, "USD")));

        assertThat(refusal(ActionType.UPDATE_BID, campaignBid).failure()).isEqualTo(Failure.REJECTED);
        assertThat(refusal(ActionType.UPDATE_BID, adBid).getMessage()).contains("ad groups only");
        assertThat(tiktok.server.requests()).isEmpty();
    }

    @Test
    void refusesAnAdBudgetAndAnArchiveBeforeSendingAnything() {
        assertThat(refusal(ActionType.UPDATE_BUDGET, budget(EntityType.CAMPAIGN, CAMPAIGN, BudgetPeriod.DAILY, 1, "USD"),
                budget(EntityType.AD, "ad-1", BudgetPeriod.DAILY, 1, "USD")).failure()).isEqualTo(Failure.REJECTED);
        assertThat(refusal(ActionType.UPDATE_STATUS, status(EntityType.CAMPAIGN, CAMPAIGN, EntityStatus.PAUSED),
                status(EntityType.CAMPAIGN, "c-2", EntityStatus.ARCHIVED)).getMessage()).contains("no archived status");
        assertThat(tiktok.server.requests()).isEmpty();
    }

    @Test
    void refusesAnAmountInAnotherCurrencyThanTheAdvertisers() {
        ConnectorException failure = refusal(ActionType.UPDATE_BUDGET,
                budget(EntityType.CAMPAIGN, CAMPAIGN, BudgetPeriod.DAILY, 350_000_000, "EUR"));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("EUR", "USD");
        assertThat(writes()).isEmpty();
    }
}
