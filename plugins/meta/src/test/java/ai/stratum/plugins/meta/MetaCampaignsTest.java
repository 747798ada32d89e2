package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_USD;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.fixture;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaCampaignsTest {

    private static final String CAMPAIGNS = ACCOUNT + "/campaigns";

    private final MetaWire meta = new MetaWire();
    private final MetaSignalCollector collector = new MetaSignalCollector();

    @AfterEach
    void stop() {
        meta.close();
    }

    @Test
    void readsEveryCampaignWithItsStatusObjectiveAndBudgetsInExactMoney() {
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", CAMPAIGNS).respond(fixture("meta/campaigns.list.json"));

        Page<Campaign> page = join(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).containsExactly(
                new Campaign("120213456789012345", "Prospecting | Broad | Purchase", EntityStatus.ACTIVE,
                        "OUTCOME_SALES", List.of(new Budget(BudgetPeriod.DAILY, new Money(450_000_000, "USD")))),
                new Campaign("120213456789012346", "Retargeting | Site Visitors 30d | Purchase", EntityStatus.ACTIVE,
                        "OUTCOME_SALES", List.of()),
                new Campaign("120213456789012347", "Brand | Awareness | Reach", EntityStatus.ACTIVE,
                        "OUTCOME_AWARENESS", List.of(new Budget(BudgetPeriod.LIFETIME, new Money(14_000_000_000L, "USD")))),
                new Campaign("120213456789012348", "Test | Advantage+ Catalog | Purchase", EntityStatus.PAUSED,
                        "OUTCOME_SALES", List.of(new Budget(BudgetPeriod.DAILY, new Money(150_000_000, "USD")))));
    }

    @Test
    void readsBudgetsInTheMinorUnitOfTheAccountCurrency() {
        meta.account("{\"currency\":\"JPY\",\"timezone_name\":\"Asia/Tokyo\"}");
        meta.server.on("GET", CAMPAIGNS).respond(fixture("meta/campaigns.list.json"));

        Campaign first = join(collector.campaigns(meta.context(), ACCOUNT_ID, null)).items().get(0);

        // the yen has no minor unit: "45000" is 45,000 yen, not 450
        assertThat(first.budgets()).containsExactly(new Budget(BudgetPeriod.DAILY, new Money(45_000_000_000L, "JPY")));
    }

    @Test
    void asksForTheCampaignFieldsWithTheTokenInAHeaderNeverInTheUrl() {
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", CAMPAIGNS).respond(fixture("meta/campaigns.list.json"));

        join(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        RecordedRequest request = meta.requests("GET", CAMPAIGNS).get(0);
        assertThat(request.query()).containsEntry("fields", "id,name,status,daily_budget,lifetime_budget,objective")
                .containsEntry("limit", "100").doesNotContainKeys("after", "access_token");
        assertThat(request.header("Authorization")).contains("Bearer " + MetaWire.TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {ACCOUNT_ID, "act_" + ACCOUNT_ID})
    void acceptsTheAccountIdWithOrWithoutTheActPrefix(String accountId) {
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", CAMPAIGNS).respond(fixture("meta/campaigns.list.json"));

        assertThat(join(collector.campaigns(meta.context(), accountId, null)).items()).hasSize(4);
    }

    @Test
    void pagesWithTheAfterCursorUntilMetaSendsNoNextPageAndLooksTheAccountUpOnce() {
        ObjectNode first = (ObjectNode) JsonFields.parseObject(Fixtures.read("meta/campaigns.list.json"), "fixture");
        ((ObjectNode) first.get("paging")).put("next", "https://graph.facebook.com/v25.0/act_" + ACCOUNT_ID
                + "/campaigns?limit=100&after=QVFIUkNhT0otRnBTdWRmM3ZAkQmZA6RVhfMVRHNXNWblBsN3dPZAGhBMGZAoR0o3ZAVFrOWdsUjZAB");
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", CAMPAIGNS).withoutQuery("after").respond(WireResponse.json(200, first.toString()));
        meta.server.on("GET", CAMPAIGNS).withQuery("after",
                "QVFIUkNhT0otRnBTdWRmM3ZAkQmZA6RVhfMVRHNXNWblBsN3dPZAGhBMGZAoR0o3ZAVFrOWdsUjZAB")
                .respond(fixture("meta/campaigns.list.json"));

        List<Campaign> all = new ArrayList<>();
        Page<Campaign> page = join(collector.campaigns(meta.context(), ACCOUNT_ID, null));
        all.addAll(page.items());
        assertThat(page.hasNext()).isTrue();
        page = join(collector.campaigns(meta.context(), ACCOUNT_ID, page.nextCursor()));
        all.addAll(page.items());

        assertThat(page.hasNext()).isFalse();
        assertThat(all).hasSize(8);
        assertThat(meta.requests("GET", ACCOUNT)).hasSize(1);
    }

    @Test
    void failsAsMalformedOnAStatusMetaDoesNotDocument() {
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(200,
                "{\"data\":[{\"id\":\"1\",\"name\":\"n\",\"status\":\"SOMETHING\",\"objective\":\"OUTCOME_SALES\"}]}"));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"-100\"", "\"12.50\"", "\"lots\"", "true"})
    void failsAsMalformedOnABudgetThatIsNotAWholeNonNegativeNumberOfMinorUnits(String budget) {
        meta.account(ACCOUNT_USD);
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(200, "{\"data\":[{\"id\":\"1\",\"name\":\"n\","
                + "\"status\":\"ACTIVE\",\"objective\":\"OUTCOME_SALES\",\"daily_budget\":" + budget + "}]}"));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedWhenTheAccountHasNoCurrency() {
        meta.account("{\"timezone_name\":\"America/Los_Angeles\"}");
        meta.server.on("GET", CAMPAIGNS).respond(fixture("meta/campaigns.list.json"));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
        assertThat(meta.requests("GET", CAMPAIGNS)).isEmpty();
    }

    @Test
    void refusesAnAccountIdThatIsNotAMetaIdBeforeSendingAnything() {
        ConnectorException failure = failure(collector.campaigns(meta.context(), "act_1/../2", null));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(meta.server.requests()).isEmpty();
    }
}
