package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /{id}}: budgets, statuses and bids change the simulation, each change recorded once. */
class MetaUpdatesTest {

    private final MetaApi meta = new MetaApi(8);
    private final SimulatedCampaign campaign = meta.account.campaigns().get(0);

    @AfterEach
    void close() {
        meta.close();
    }

    @Test
    void aDailyBudgetInCentsSetsTheCampaignsBudgetFromToday() {
        MetaApi.Reply reply = meta.post(campaign.id(), "daily_budget", "12345");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"success\":true}");
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(123_450_000L);
        assertThat(campaign.dailyBudgetMicrosOn(meta.account.today().minusDays(1))).isNotEqualTo(123_450_000L);
        assertThat(meta.state().mutations()).singleElement().satisfies(mutation -> {
            assertThat(mutation.accountId()).isEqualTo(MetaApi.ACCOUNT);
            assertThat(mutation.entityId()).isEqualTo(campaign.id());
            assertThat(mutation.change()).isEqualTo("daily_budget=12345");
            assertThat(mutation.idempotencyKey()).isEmpty();
        });
    }

    @Test
    void repeatingAnUpdateChangesNothingMore() {
        meta.post(campaign.id(), "daily_budget", "12345", "status", "PAUSED");
        meta.post(campaign.id(), "daily_budget", "12345", "status", "PAUSED");

        assertThat(meta.state().mutations()).extracting(Mutation::change).containsExactly("daily_budget=12345,status=PAUSED");
        assertThat(campaign.status()).isEqualTo(EntityStatus.PAUSED);
    }

    @Test
    void aCampaignReadsBackWhatWasSet() {
        meta.post(campaign.id(), "daily_budget", "9900", "status", "PAUSED");

        JsonNode read = meta.get(campaign.id(), "fields", "daily_budget,status,effective_status").json();

        assertThat(read.toString()).isEqualTo("{\"daily_budget\":\"9900\",\"status\":\"PAUSED\",\"effective_status\":"
                + "\"PAUSED\",\"id\":\"" + campaign.id() + "\"}");
    }

    @Test
    void anAdSetTakesABidInCentsAndAStatusOfItsOwn() {
        String adSet = campaign.profile().adSetId();

        meta.post(adSet, "bid_amount", "275");
        meta.post(adSet, "status", "PAUSED");

        assertThat(campaign.bidMicros()).isEqualTo(2_750_000L);
        JsonNode read = meta.get(adSet, "fields", "campaign_id,bid_amount,status").json();
        assertThat(read.get("bid_amount").isNumber()).isTrue();
        assertThat(read.get("bid_amount").asLong()).isEqualTo(275);
        assertThat(read.get("status").asText()).isEqualTo("PAUSED");
        assertThat(read.get("campaign_id").asText()).isEqualTo(campaign.id());
        assertThat(meta.state().mutations()).extracting(Mutation::change).containsExactly("bid_amount=275", "status=PAUSED");
    }

    @Test
    void anActiveAdSetOfAPausedCampaignIsCampaignPaused() {
        meta.post(campaign.id(), "status", "PAUSED");

        assertThat(meta.get(campaign.profile().adSetId(), "fields", "effective_status").json().get("effective_status")
                .asText()).isEqualTo("CAMPAIGN_PAUSED");
    }

    @Test
    void anObjectThatDoesNotExistIsMetasUnsupportedPostRequest() {
        MetaApi.Reply reply = meta.post("999000111", "daily_budget", "5000");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("type").asText()).isEqualTo("GraphMethodException");
        assertThat(reply.error().get("code").asInt()).isEqualTo(100);
        assertThat(reply.error().get("error_subcode").asInt()).isEqualTo(33);
        assertThat(reply.error().get("message").asText()).startsWith("Unsupported post request. Object with ID '999000111'");
        assertThat(meta.state().mutations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "campaign, daily_budget, 12.50",
            "campaign, daily_budget, -100",
            "campaign, status, RUNNING",
            "campaign, lifetime_budget, 100000",
            "campaign, name, Renamed",
            "adset, daily_budget, 5000",
            "adset, bid_amount, 0",
            "account, spend_cap, 100"})
    void refusesWhatMetaOrTheSimulationCannotTakeAndChangesNothing(String node, String field, String value) {
        long budget = campaign.dailyBudgetMicros();
        String id = switch (node) {
            case "campaign" -> campaign.id();
            case "adset" -> campaign.profile().adSetId();
            default -> MetaApi.ACCOUNT;
        };

        MetaApi.Reply reply = meta.post(id, "daily_budget", node.equals("campaign") && !field.equals("daily_budget")
                ? "777" : Long.toString(budget / 10_000), field, value);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asInt()).isEqualTo(100);
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(budget);
        assertThat(meta.state().mutations()).isEmpty();
    }

    @Test
    void validateOnlyChecksWithoutApplying() {
        long budget = campaign.dailyBudgetMicros();

        MetaApi.Reply reply = meta.post(campaign.id(), "daily_budget", "5000", "execution_options", "[\"validate_only\"]");

        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(budget);
    }

    @Test
    void acceptsTheTokenAsAParameterAsGraphDoes() {
        MetaApi.Reply reply = meta.send("POST", MetaApi.V + campaign.id(), null,
                MetaApi.formBody("status", "PAUSED", "access_token", MetaApi.TOKEN));
        MetaApi.Reply read = meta.send("GET", MetaApi.V + campaign.id() + "?fields=status&access_token=" + MetaApi.TOKEN,
                null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(read.json().get("status").asText()).isEqualTo("PAUSED");
        assertThat(meta.state().mutations()).extracting(Mutation::idempotencyKey).containsExactly(Optional.empty());
    }
}
