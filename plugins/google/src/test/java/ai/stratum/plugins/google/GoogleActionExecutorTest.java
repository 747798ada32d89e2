package ai.stratum.plugins.google;

import static ai.stratum.plugins.google.GoogleWire.await;
import static ai.stratum.plugins.google.GoogleWire.failure;
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
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GoogleActionExecutorTest {

    private static final String BUDGETS = "/v26/customers/4826193057/campaignBudgets:mutate";
    private static final String CAMPAIGNS = "/v26/customers/4826193057/campaigns:mutate";
    private static final String AD_GROUPS = "/v26/customers/4826193057/adGroups:mutate";
    private static final String PMAX = "21554128634";

    private final WireServer google = WireServer.start();
    private final GoogleActionExecutor executor = new GoogleActionExecutor();

    @AfterEach
    void stop() {
        google.close();
    }

    private ActionResult execute(ActionType type, EntityChange... changes) {
        return await(executor.execute(GoogleWire.context(google), request(type, changes)));
    }

    private ConnectorException refuse(ActionType type, EntityChange... changes) {
        return failure(executor.execute(GoogleWire.context(google), request(type, changes)));
    }

    private static ActionRequest request(ActionType type, EntityChange... changes) {
        return new ActionRequest("key-1", GoogleWire.CUSTOMER, type, List.of(changes));
    }

    private static EntityChange budget(String campaignId, BudgetPeriod period, String usd) {
        return new EntityChange(EntityType.CAMPAIGN, campaignId, new Change.SetBudget(period, Money.parse(usd, "USD")));
    }

    private void serveBudgetOf(String campaignId, String period, boolean shared) {
        GoogleWire.onSettings(google);
        GoogleWire.onQuery(google, gaql -> gaql.contains("campaign_budget.resource_name"), WireResponse.json(200,
                GoogleWire.stream("campaign.id,campaignBudget.resourceName,campaignBudget.period,campaignBudget.explicitlyShared",
                        """
                        {"campaign":{"resourceName":"customers/4826193057/campaigns/%s","id":"%s"},
                         "campaignBudget":{"resourceName":"customers/4826193057/campaignBudgets/13498720554",
                          "period":"%s","explicitlyShared":%s}}""".formatted(campaignId, campaignId, period, shared))));
        google.on("POST", BUDGETS).respond(WireResponse.json(200, Fixtures.read("google/campaignbudgets.mutate.response.json")));
    }

    private JsonNode onlyBody(String path) {
        List<RecordedRequest> requests = google.requests("POST", path);
        assertThat(requests).hasSize(1);
        return GoogleWire.json(requests.get(0).body());
    }

    @ParameterizedTest
    @EnumSource(value = ActionType.class, names = {"UPDATE_BUDGET", "INCREASE_BUDGET", "REDUCE_BUDGET"})
    void setsACampaignsDailyBudgetThroughItsCampaignBudgetResource(ActionType type) {
        serveBudgetOf(PMAX, "DAILY", false);

        ActionResult result = execute(type, budget(PMAX, BudgetPeriod.DAILY, "650.00"));

        assertThat(onlyBody(BUDGETS)).isEqualTo(GoogleWire.fixture("google/campaignbudgets.mutate.request.json"));
        assertThat(GoogleWire.queries(google)).containsExactly(Gaql.ACCOUNT_SETTINGS,
                "SELECT campaign.id, campaign_budget.resource_name, campaign_budget.period, "
                        + "campaign_budget.explicitly_shared FROM campaign WHERE campaign.id IN (21554128634)");
        assertThat(result.idempotencyKey()).isEqualTo("key-1");
        assertThat(result.completedAt()).isEqualTo(GoogleWire.NOW);
        assertThat(result.rawResponses()).hasSize(3)
                .last().isEqualTo(Fixtures.read("google/campaignbudgets.mutate.response.json"));
    }

    @Test
    void setsALifetimeAmountOnACustomPeriodBudgetAsTotalAmountMicros() {
        serveBudgetOf(PMAX, "CUSTOM_PERIOD", false);

        execute(ActionType.UPDATE_BUDGET, budget(PMAX, BudgetPeriod.LIFETIME, "9000"));

        assertThat(onlyBody(BUDGETS).path("operations")).isEqualTo(GoogleWire.json("""
                [{"updateMask":"totalAmountMicros","update":{"resourceName":"customers/4826193057/campaignBudgets/13498720554",
                  "totalAmountMicros":"9000000000"}}]"""));
    }

    @Test
    void sendsTheSameAbsoluteBudgetAgainWhenTheHostRetriesTheAction() {
        serveBudgetOf(PMAX, "DAILY", false);

        execute(ActionType.INCREASE_BUDGET, budget(PMAX, BudgetPeriod.DAILY, "650.00"));
        execute(ActionType.INCREASE_BUDGET, budget(PMAX, BudgetPeriod.DAILY, "650.00"));

        List<RecordedRequest> mutates = google.requests("POST", BUDGETS);
        assertThat(mutates).hasSize(2);
        assertThat(mutates.get(0).body()).isEqualTo(mutates.get(1).body());
        assertThat(mutates.get(0).headers().keySet()).noneMatch(name -> name.contains("idempotency"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a shared budget | DAILY | true | DAILY | 650 | USD",
            "a lifetime amount on a daily budget | DAILY | false | LIFETIME | 650 | USD",
            "a daily amount on a custom-period budget | CUSTOM_PERIOD | false | DAILY | 650 | USD",
            "an amount in another currency | DAILY | false | DAILY | 650 | EUR",
    })
    void refusesABudgetChangeWithoutMutatingFor(String what, String period, boolean shared, BudgetPeriod target,
                                                  String amount, String currency) {
        serveBudgetOf(PMAX, period, shared);
        EntityChange change = new EntityChange(EntityType.CAMPAIGN, PMAX,
                new Change.SetBudget(target, Money.parse(amount, currency)));

        assertThat(refuse(ActionType.UPDATE_BUDGET, change).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests("POST", BUDGETS)).isEmpty();
    }

    @Test
    void refusesABudgetForACampaignGoogleDoesNotKnow() {
        serveBudgetOf(PMAX, "DAILY", false);

        ConnectorException failure = refuse(ActionType.UPDATE_BUDGET, budget("99", BudgetPeriod.DAILY, "10"));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("99");
        assertThat(google.requests("POST", BUDGETS)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"ADSET", "AD"})
    void refusesBudgetsBelowTheCampaignBeforeAnyRequest(EntityType level) {
        EntityChange change = new EntityChange(level, "123", new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("5", "USD")));

        assertThat(refuse(ActionType.UPDATE_BUDGET, change).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void pausesACampaignWithAStatusUpdate() {
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(200, Fixtures.read("google/campaigns.mutate.response.json")));

        ActionResult result = execute(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, "21603377210", new Change.SetStatus(EntityStatus.PAUSED)));

        JsonNode body = onlyBody(CAMPAIGNS);
        assertThat(body.path("operations")).isEqualTo(GoogleWire.fixture("google/campaigns.mutate.request.json").path("operations"));
        assertThat(body.path("partialFailure").asBoolean(true)).isFalse();
        assertThat(result.rawResponses()).containsExactly(Fixtures.read("google/campaigns.mutate.response.json"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE | {\"updateMask\":\"status\",\"update\":{\"resourceName\":\"customers/4826193057/campaigns/7\",\"status\":\"ENABLED\"}}",
            "PAUSED | {\"updateMask\":\"status\",\"update\":{\"resourceName\":\"customers/4826193057/campaigns/7\",\"status\":\"PAUSED\"}}",
            "DELETED | {\"remove\":\"customers/4826193057/campaigns/7\"}",
    })
    void mapsEachStatusToGooglesCampaignOperation(EntityStatus status, String operation) {
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(200, Fixtures.read("google/campaigns.mutate.response.json")));

        execute(ActionType.UPDATE_STATUS, new EntityChange(EntityType.CAMPAIGN, "7", new Change.SetStatus(status)));

        assertThat(onlyBody(CAMPAIGNS).path("operations").path(0)).isEqualTo(GoogleWire.json(operation));
    }

    @Test
    void pausesUnderperformingCampaignsAndAdGroupsEachThroughTheirOwnMutate() {
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(200, "{\"results\":[{}]}"));
        google.on("POST", AD_GROUPS).respond(WireResponse.json(200, "{\"results\":[{}]}"));

        ActionResult result = execute(ActionType.PAUSE_UNDERPERFORMING,
                new EntityChange(EntityType.ADSET, "55", new Change.SetStatus(EntityStatus.PAUSED)),
                new EntityChange(EntityType.CAMPAIGN, "7", new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(onlyBody(AD_GROUPS).path("operations")).isEqualTo(GoogleWire.json("""
                [{"updateMask":"status","update":{"resourceName":"customers/4826193057/adGroups/55","status":"PAUSED"}}]"""));
        assertThat(onlyBody(CAMPAIGNS).path("operations").path(0).path("update").path("resourceName").asText())
                .isEqualTo("customers/4826193057/campaigns/7");
        assertThat(google.requests().stream().map(RecordedRequest::path)).containsExactly(CAMPAIGNS, AD_GROUPS);
        assertThat(result.rawResponses()).hasSize(2);
    }

    @Test
    void refusesTheArchivedStatusWhichGoogleAdsDoesNotHave() {
        assertThat(refuse(ActionType.UPDATE_STATUS, new EntityChange(EntityType.CAMPAIGN, "7",
                new Change.SetStatus(EntityStatus.ARCHIVED))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void refusesAStatusChangeOnAnAdWhoseIdLacksItsAdGroup() {
        assertThat(refuse(ActionType.UPDATE_STATUS, new EntityChange(EntityType.AD, "7",
                new Change.SetStatus(EntityStatus.PAUSED))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ActionType.class, names = {"UPDATE_BID", "INCREASE_BID", "REDUCE_BID"})
    void setsAnAdGroupsCpcBidInMicros(ActionType type) {
        GoogleWire.onSettings(google);
        google.on("POST", AD_GROUPS).respond(WireResponse.json(200,
                "{\"results\":[{\"resourceName\":\"customers/4826193057/adGroups/55\"}]}"));

        ActionResult result = execute(type, new EntityChange(EntityType.ADSET, "55", new Change.SetBid(Money.parse("1.23", "USD"))));

        assertThat(onlyBody(AD_GROUPS).path("operations")).isEqualTo(GoogleWire.json("""
                [{"updateMask":"cpcBidMicros","update":{"resourceName":"customers/4826193057/adGroups/55","cpcBidMicros":"1230000"}}]"""));
        assertThat(result.rawResponses()).hasSize(2);
    }

    @Test
    void refusesABidInAnotherCurrencyWithoutMutating() {
        GoogleWire.onSettings(google);

        assertThat(refuse(ActionType.UPDATE_BID, new EntityChange(EntityType.ADSET, "55",
                new Change.SetBid(Money.parse("1.23", "EUR")))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests("POST", AD_GROUPS)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"CAMPAIGN", "AD"})
    void refusesBidsOutsideAdGroupsBeforeAnyRequest(EntityType level) {
        assertThat(refuse(ActionType.UPDATE_BID, new EntityChange(level, "55",
                new Change.SetBid(Money.parse("1", "USD")))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void refusesAnEntityIdThatIsNotNumericBeforeAnyRequest() {
        assertThat(refuse(ActionType.UPDATE_STATUS, new EntityChange(EntityType.CAMPAIGN, "7 OR 1=1",
                new Change.SetStatus(EntityStatus.PAUSED))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void pausesAllOnlyTheCampaignsThatAreEnabled() {
        GoogleWire.onQuery(google, gaql -> gaql.contains("campaign.status = 'ENABLED'"), WireResponse.json(200,
                enabledCampaigns(List.of("21554128631", "21554128634"))));
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(200, "{\"results\":[{},{}]}"));

        ActionResult result = execute(ActionType.PAUSE_ALL,
                new EntityChange(EntityType.ACCOUNT, GoogleWire.CUSTOMER, new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(GoogleWire.queries(google)).containsExactly(Gaql.ENABLED_CAMPAIGNS);
        assertThat(onlyBody(CAMPAIGNS).path("operations")).isEqualTo(GoogleWire.json("""
                [{"updateMask":"status","update":{"resourceName":"customers/4826193057/campaigns/21554128631","status":"PAUSED"}},
                 {"updateMask":"status","update":{"resourceName":"customers/4826193057/campaigns/21554128634","status":"PAUSED"}}]"""));
        assertThat(result.rawResponses()).hasSize(2);
    }

    @Test
    void pausesAllWithoutAMutateWhenNoCampaignIsEnabled() {
        GoogleWire.onQuery(google, gaql -> gaql.contains("campaign.status = 'ENABLED'"),
                WireResponse.json(200, Fixtures.read("google/searchstream.response.empty.json")));

        ActionResult result = execute(ActionType.PAUSE_ALL,
                new EntityChange(EntityType.ACCOUNT, GoogleWire.CUSTOMER, new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(google.requests("POST", CAMPAIGNS)).isEmpty();
        assertThat(result.rawResponses()).hasSize(1);
    }

    @Test
    void pausesAllInRequestsOfAtMostTenThousandOperations() {
        List<String> ids = IntStream.rangeClosed(1, 10_001).mapToObj(String::valueOf).toList();
        GoogleWire.onQuery(google, gaql -> gaql.contains("campaign.status = 'ENABLED'"), WireResponse.json(200, enabledCampaigns(ids)));
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(200, "{\"results\":[]}"));

        execute(ActionType.PAUSE_ALL,
                new EntityChange(EntityType.ACCOUNT, GoogleWire.CUSTOMER, new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(google.requests("POST", CAMPAIGNS).stream()
                .map(request -> GoogleWire.json(request.body()).path("operations").size()))
                .containsExactly(10_000, 1);
    }

    @Test
    void failsPauseAllAsMalformedWhenTheEnabledQueryReturnsAPausedCampaign() {
        GoogleWire.onQuery(google, gaql -> gaql.contains("campaign.status = 'ENABLED'"), WireResponse.json(200,
                GoogleWire.stream("campaign.id,campaign.status",
                        "{\"campaign\":{\"resourceName\":\"customers/4826193057/campaigns/1\",\"id\":\"1\",\"status\":\"PAUSED\"}}")));

        assertThat(refuse(ActionType.PAUSE_ALL, new EntityChange(EntityType.ACCOUNT, GoogleWire.CUSTOMER,
                new Change.SetStatus(EntityStatus.PAUSED))).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
        assertThat(google.requests("POST", CAMPAIGNS)).isEmpty();
    }

    @Test
    void failsAsRejectedWithGooglesErrorCodeWhenAMutateIsRefused() {
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(400, """
                {"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT",
                  "details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors":[{"errorCode":{"mutateError":"RESOURCE_NOT_FOUND"},"message":"Resource was not found."}],
                    "requestId":"mut-1"}]}}"""));

        ConnectorException failure = refuse(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, "7", new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("mutateError.RESOURCE_NOT_FOUND");
    }

    @Test
    void letsTheHostRetryAMutateAfterAServerErrorSinceItsTargetIsAbsolute() {
        google.once("POST", CAMPAIGNS).respond(WireResponse.json(503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}"));
        google.on("POST", CAMPAIGNS).respond(WireResponse.json(200, Fixtures.read("google/campaigns.mutate.response.json")));

        ActionResult result = execute(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, "21603377210", new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(google.requests("POST", CAMPAIGNS)).hasSize(2);
        assertThat(result.rawResponses()).containsExactly(Fixtures.read("google/campaigns.mutate.response.json"));
    }

    private static String enabledCampaigns(List<String> ids) {
        return GoogleWire.stream("campaign.id,campaign.status", ids.stream()
                .map(id -> "{\"campaign\":{\"resourceName\":\"customers/4826193057/campaigns/" + id + "\",\"id\":\"" + id
                        + "\",\"status\":\"ENABLED\"}}")
                .collect(Collectors.toList()).toArray(String[]::new));
    }
}
