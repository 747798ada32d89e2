package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.NOW;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.fixture;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MetaActionExecutorTest {

    private static final String CAMPAIGN = "120213456789012345";
    private static final String ADSET = "120213456789099901";
    private static final String AD = "120213456789088801";
    private static final String SUCCESS = Fixtures.read("meta/campaign-update.success.json");

    private final MetaWire meta = new MetaWire();
    private final MetaActionExecutor executor = new MetaActionExecutor();

    @BeforeEach
    void everyUpdateSucceeds() {
        for (String id : List.of(CAMPAIGN, ADSET, AD, "120213456789012346", "120213456789012347", "120213456789012348")) {
            meta.server.on("POST", "/v25.0/" + id).respond(fixture("meta/campaign-update.success.json"));
        }
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    static Stream<Arguments> changes() {
        Money usd500 = Money.parse("500.00", "USD");
        return Stream.of(
                Arguments.of(ActionType.UPDATE_BUDGET, EntityType.CAMPAIGN, CAMPAIGN,
                        new Change.SetBudget(BudgetPeriod.DAILY, usd500), Map.of("daily_budget", "50000")),
                Arguments.of(ActionType.INCREASE_BUDGET, EntityType.CAMPAIGN, CAMPAIGN,
                        new Change.SetBudget(BudgetPeriod.LIFETIME, Money.parse("14500.00", "USD")),
                        Map.of("lifetime_budget", "1450000")),
                Arguments.of(ActionType.REDUCE_BUDGET, EntityType.ADSET, ADSET,
                        new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("12.34", "USD")), Map.of("daily_budget", "1234")),
                Arguments.of(ActionType.UPDATE_BID, EntityType.ADSET, ADSET,
                        new Change.SetBid(Money.parse("2.50", "USD")), Map.of("bid_amount", "250")),
                Arguments.of(ActionType.INCREASE_BID, EntityType.ADSET, ADSET,
                        new Change.SetBid(Money.parse("3.00", "USD")), Map.of("bid_amount", "300")),
                Arguments.of(ActionType.REDUCE_BID, EntityType.ADSET, ADSET,
                        new Change.SetBid(Money.parse("1.99", "USD")), Map.of("bid_amount", "199")),
                Arguments.of(ActionType.UPDATE_STATUS, EntityType.CAMPAIGN, CAMPAIGN,
                        new Change.SetStatus(EntityStatus.ACTIVE), Map.of("status", "ACTIVE")),
                Arguments.of(ActionType.UPDATE_STATUS, EntityType.ADSET, ADSET,
                        new Change.SetStatus(EntityStatus.ARCHIVED), Map.of("status", "ARCHIVED")),
                Arguments.of(ActionType.UPDATE_STATUS, EntityType.AD, AD,
                        new Change.SetStatus(EntityStatus.DELETED), Map.of("status", "DELETED")),
                Arguments.of(ActionType.PAUSE_UNDERPERFORMING, EntityType.AD, AD,
                        new Change.SetStatus(EntityStatus.PAUSED), Map.of("status", "PAUSED")));
    }

    @ParameterizedTest(name = "{0} on {1} -> {4}")
    @MethodSource("changes")
    void postsTheAbsoluteTargetToTheEntityAsAForm(ActionType type, EntityType entityType, String id, Change change,
            Map<String, String> form) {
        ActionResult result = join(executor.execute(meta.context(), request(type, new EntityChange(entityType, id, change))));

        RecordedRequest sent = single("POST", "/v25.0/" + id);
        assertThat(sent.formFields()).isEqualTo(form);
        assertThat(sent.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(sent.header("Authorization")).contains("Bearer " + MetaWire.TOKEN);
        assertThat(sent.query()).isEmpty();
        assertThat(result).isEqualTo(new ActionResult("key-1", List.of(SUCCESS), NOW));
    }

    @Test
    void sendsTheBudgetChangeOfTheFixtureExactly() {
        join(executor.execute(meta.context(), request(ActionType.INCREASE_BUDGET, new EntityChange(EntityType.CAMPAIGN,
                CAMPAIGN, new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("500", "USD"))))));

        assertThat(single("POST", "/v25.0/" + CAMPAIGN).formFields())
                .isEqualTo(fixtureForm("meta/campaign-update.budget.request.json"));
    }

    @Test
    void sendsTheStatusChangeOfTheFixtureExactly() {
        join(executor.execute(meta.context(), request(ActionType.UPDATE_STATUS, new EntityChange(EntityType.CAMPAIGN,
                "120213456789012347", new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(single("POST", "/v25.0/120213456789012347").formFields())
                .isEqualTo(fixtureForm("meta/campaign-update.status.request.json"));
    }

    @Test
    void pausesEachUnderperformerInOrderAndKeepsEveryAnswer() {
        ActionResult result = join(executor.execute(meta.context(), request(ActionType.PAUSE_UNDERPERFORMING,
                new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetStatus(EntityStatus.PAUSED)),
                new EntityChange(EntityType.ADSET, ADSET, new Change.SetStatus(EntityStatus.PAUSED)),
                new EntityChange(EntityType.AD, AD, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(meta.server.requests()).extracting(RecordedRequest::path)
                .containsExactly("/v25.0/" + CAMPAIGN, "/v25.0/" + ADSET, "/v25.0/" + AD);
        assertThat(result.rawResponses()).hasSize(3);
    }

    @Test
    void pausesEveryActiveCampaignOfTheAccountAndNoOther() {
        meta.server.on("GET", ACCOUNT + "/campaigns").respond(fixture("meta/campaigns.list.json"));

        ActionResult result = join(executor.execute(meta.context(), request(ActionType.PAUSE_ALL,
                new EntityChange(EntityType.ACCOUNT, ACCOUNT_ID, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(meta.server.requests()).extracting(request -> request.method() + " " + request.path()).containsExactly(
                "GET " + ACCOUNT + "/campaigns",
                "POST /v25.0/120213456789012345",
                "POST /v25.0/120213456789012346",
                "POST /v25.0/120213456789012347");
        assertThat(meta.requests("POST", "/v25.0/120213456789012346").get(0).formFields())
                .isEqualTo(Map.of("status", "PAUSED"));
        assertThat(result.rawResponses())
                .containsExactly(Fixtures.read("meta/campaigns.list.json"), SUCCESS, SUCCESS, SUCCESS);
    }

    @Test
    void listsTheActiveCampaignsByEffectiveStatusOnEveryPage() {
        meta.server.on("GET", ACCOUNT + "/campaigns").withoutQuery("after").respond(WireResponse.json(200,
                "{\"data\":[{\"id\":\"120213456789012345\",\"status\":\"ACTIVE\",\"effective_status\":\"ACTIVE\"}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"QVFIUa\"},\"next\":\"https://graph.facebook.com/next\"}}"));
        meta.server.on("GET", ACCOUNT + "/campaigns").withQuery("after", "QVFIUa").respond(WireResponse.json(200,
                "{\"data\":[{\"id\":\"120213456789012347\",\"status\":\"ACTIVE\",\"effective_status\":\"WITH_ISSUES\"}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"QVFIUb\"}}}"));

        // the account id as stored with its act_ prefix
        join(executor.execute(meta.context(), new ActionRequest("key-1", "act_" + ACCOUNT_ID, ActionType.PAUSE_ALL,
                List.of(new EntityChange(EntityType.ACCOUNT, "act_" + ACCOUNT_ID, new Change.SetStatus(EntityStatus.PAUSED))))));

        RecordedRequest listing = meta.requests("GET", ACCOUNT + "/campaigns").get(0);
        assertThat(listing.query()).containsEntry("filtering",
                "[{\"field\":\"effective_status\",\"operator\":\"IN\",\"value\":[\"ACTIVE\",\"IN_PROCESS\",\"WITH_ISSUES\"]}]");
        assertThat(meta.requests("POST", "/v25.0/120213456789012345")).hasSize(1);
        assertThat(meta.requests("POST", "/v25.0/120213456789012347")).hasSize(1);
    }

    @Test
    void pausesNothingWhenNoCampaignIsActive() {
        meta.server.on("GET", ACCOUNT + "/campaigns").respond(WireResponse.json(200, "{\"data\":[]}"));

        ActionResult result = join(executor.execute(meta.context(), request(ActionType.PAUSE_ALL,
                new EntityChange(EntityType.ACCOUNT, ACCOUNT_ID, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(result.rawResponses()).containsExactly("{\"data\":[]}");
        assertThat(meta.server.requests()).extracting(RecordedRequest::method).containsExactly("GET");
    }

    @ParameterizedTest(name = "a bid on a {0}")
    @EnumSource(value = EntityType.class, names = {"CAMPAIGN", "AD"})
    void refusesABidOnAnEntityThatHasNoneAndSendsNothing(EntityType type) {
        ConnectorException failure = failure(executor.execute(meta.context(), request(ActionType.UPDATE_BID,
                new EntityChange(type, CAMPAIGN, new Change.SetBid(Money.parse("2.00", "USD"))))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(failure.getMessage()).contains("ad sets");
        assertThat(meta.server.requests()).isEmpty();
    }

    @Test
    void refusesABudgetOnAnAdAndSendsNothing() {
        ConnectorException failure = failure(executor.execute(meta.context(), request(ActionType.UPDATE_BUDGET,
                new EntityChange(EntityType.AD, AD, new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("5", "USD"))))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(meta.server.requests()).isEmpty();
    }

    @Test
    void refusesTheWholeRequestBeforeTheFirstCallWhenOneChangeCannotBeApplied() {
        ConnectorException failure = failure(executor.execute(meta.context(), request(ActionType.UPDATE_BUDGET,
                new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("5", "USD"))),
                new EntityChange(EntityType.ADSET, ADSET, new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("5.001", "USD"))))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(meta.server.requests()).isEmpty();
    }

    @Test
    void passesOnMetasRefusalAndStopsAtTheEntityItRefused() {
        meta.server.once("POST", "/v25.0/" + ADSET).respond(WireResponse.json(400,
                MetaErrorMappingTest.graphError(100, 1885272, "(#100) Budget is too low")));

        ConnectorException failure = failure(executor.execute(meta.context(), request(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetStatus(EntityStatus.PAUSED)),
                new EntityChange(EntityType.ADSET, ADSET, new Change.SetStatus(EntityStatus.PAUSED)),
                new EntityChange(EntityType.AD, AD, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(failure.platformCode()).contains("100");
        assertThat(meta.requests("POST", "/v25.0/" + AD)).isEmpty();
    }

    @Test
    void refusesWhenMetaAnswersThatTheUpdateDidNotSucceed() {
        meta.server.once("POST", "/v25.0/" + CAMPAIGN).respond(WireResponse.json(200, "{\"success\":false}"));

        ConnectorException failure = failure(executor.execute(meta.context(), request(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
    }

    @Test
    void failsAsMalformedWhenTheAnswerHasNoSuccessFlag() {
        meta.server.once("POST", "/v25.0/" + CAMPAIGN).respond(WireResponse.json(200, "{\"id\":\"" + CAMPAIGN + "\"}"));

        ConnectorException failure = failure(executor.execute(meta.context(), request(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void letsTheHostResendAnUpdateAfterAServerErrorSinceItIsAnAbsoluteTarget() {
        meta.server.once("POST", "/v25.0/" + CAMPAIGN).respond(WireResponse.json(500, "{}"));

        join(executor.execute(meta.context(), request(ActionType.UPDATE_STATUS,
                new EntityChange(EntityType.CAMPAIGN, CAMPAIGN, new Change.SetStatus(EntityStatus.PAUSED)))));

        assertThat(meta.requests("POST", "/v25.0/" + CAMPAIGN)).hasSize(2)
                .allSatisfy(sent -> assertThat(sent.formFields()).isEqualTo(Map.of("status", "PAUSED")));
    }

    @Test
    void leavesThePlatformInTheSameStateWhenTheSameKeyIsExecutedTwice() {
        ActionRequest request = request(ActionType.UPDATE_BUDGET, new EntityChange(EntityType.CAMPAIGN, CAMPAIGN,
                new Change.SetBudget(BudgetPeriod.DAILY, Money.parse("500", "USD"))));

        join(executor.execute(meta.context(), request));
        join(executor.execute(meta.context(), request));

        assertThat(meta.requests("POST", "/v25.0/" + CAMPAIGN)).extracting(RecordedRequest::formFields)
                .containsExactly(Map.of("daily_budget", "50000"), Map.of("daily_budget", "50000"));
    }

    private RecordedRequest single(String method, String path) {
        List<RecordedRequest> sent = meta.requests(method, path);
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private static ActionRequest request(ActionType type, EntityChange... changes) {
        return new ActionRequest("key-1", ACCOUNT_ID, type, List.of(changes));
    }

    private static Map<String, String> fixtureForm(String path) {
        try {
            return JsonFields.MAPPER.readValue(Fixtures.read(path), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
