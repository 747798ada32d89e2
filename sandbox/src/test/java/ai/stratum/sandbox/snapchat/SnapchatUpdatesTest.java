package ai.stratum.sandbox.snapchat;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Full-object PUTs of campaigns and ad squads change the simulation, and only what Snap would change. */
class SnapchatUpdatesTest {

    private static final String CAMPAIGNS = "/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/campaigns";

    private final SnapSandbox snap = new SnapSandbox();
    private final SimulatedCampaign campaign = snap.account().campaigns().stream()
            .filter(c -> c.status() == EntityStatus.ACTIVE).findFirst().orElseThrow();

    @AfterEach
    void close() {
        snap.close();
    }

    /** The campaign as Snap sends it, without what Snap does not take back, changed as the test says. */
    private ObjectNode campaignObject(Consumer<ObjectNode> change) {
        ObjectNode object = (ObjectNode) SnapSandbox.json(snap.get("/v1/campaigns/" + campaign.id()))
                .at("/campaigns/0/campaign");
        object.remove(java.util.List.of("created_at", "updated_at", "delivery_status", "creation_state"));
        change.accept(object);
        return object;
    }

    private JsonNode putCampaigns(ObjectNode... objects) {
        HttpResponse<String> response = snap.send("PUT", CAMPAIGNS,
                "{\"campaigns\":" + java.util.Arrays.toString(objects) + "}");
        assertThat(response.statusCode()).isEqualTo(200);
        return SnapSandbox.json(response);
    }

    @Test
    void setsTheDailyBudgetAndRecordsOneMutationWithoutAKey() {
        long target = campaign.dailyBudgetMicros() + 12_340_000L;

        JsonNode answer = putCampaigns(campaignObject(object -> object.put("daily_budget_micro", target)));

        assertThat(answer.get("request_status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.at("/campaigns/0/campaign/daily_budget_micro").asLong()).isEqualTo(target);
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(target);
        assertThat(snap.state().mutations()).singleElement().satisfies(mutation -> {
            assertThat(mutation.entityId()).isEqualTo(campaign.id());
            assertThat(mutation.accountId()).isEqualTo(SnapSandbox.ACCOUNT_ID);
            assertThat(mutation.change()).isEqualTo("daily_budget_micro=" + target);
            assertThat(mutation.idempotencyKey()).isEmpty();
        });
    }

    @Test
    void putsTheSameObjectAgainWithoutChangingAnything() {
        ObjectNode paused = campaignObject(object -> object.put("status", "PAUSED"));

        putCampaigns(paused);
        putCampaigns(paused);

        assertThat(campaign.status()).isEqualTo(EntityStatus.PAUSED);
        assertThat(snap.state().mutations()).extracting(Mutation::change).containsExactly("status=PAUSED");
    }

    @Test
    void appliesEachObjectOfABatchOnItsOwnAndSaysWhichWasRefused() {
        ObjectNode unknown = campaignObject(object -> object.put("id", "999000111").put("status", "PAUSED"));
        ObjectNode paused = campaignObject(object -> object.put("status", "PAUSED"));

        JsonNode answer = putCampaigns(unknown, paused);

        assertThat(answer.get("request_status").asText()).isEqualTo("ERROR");
        assertThat(answer.at("/campaigns/0/sub_request_status").asText()).isEqualTo("ERROR");
        assertThat(answer.at("/campaigns/0/sub_request_error_reason").asText())
                .isEqualTo("Error code: E3003, message: Resource can not be found");
        assertThat(answer.at("/campaigns/1/sub_request_status").asText()).isEqualTo("SUCCESS");
        assertThat(campaign.status()).isEqualTo(EntityStatus.PAUSED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a missing status        | status     |              | status is required",
            "an unknown status       | status     | ARCHIVED     | ACTIVE or PAUSED",
            "a rename                | name       | Renamed      | does not rename",
            "a fractional cent       | daily_budget_micro | 12345 | whole number of cents",
            "a lifetime cap          | lifetime_spend_cap_micro | 500000000 | not simulated",
            "another ad account      | ad_account_id | 1f0e2d3c-0000-4000-8000-000000000000 | its ad account"
    })
    void refusesAnObjectItCannotApplyWithSnapsPropertyError(String what, String field, String value, String reason) {
        long budgetBefore = campaign.dailyBudgetMicros();
        ObjectNode object = campaignObject(node -> {
            if (value == null) {
                node.remove(field);
            } else if (value.matches("\\d+")) {
                node.put(field, Long.parseLong(value));
            } else {
                node.put(field, value);
            }
        });

        JsonNode answer = putCampaigns(object);

        assertThat(answer.get("request_status").asText()).isEqualTo("ERROR");
        assertThat(answer.at("/campaigns/0/sub_request_error_reason").asText())
                .startsWith("Error code: E2002, message: Property value is not allowed").contains(reason);
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(budgetBefore);
        assertThat(snap.state().mutations()).isEmpty();
    }

    @Test
    void refusesABodyWithoutCampaignsAsABadRequest() {
        HttpResponse<String> response = snap.send("PUT", CAMPAIGNS, "{\"campaign\":{}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains("campaigns");
    }

    @Test
    void answersAnUnknownCampaignWithSnapsNotFound() {
        HttpResponse<String> response = snap.get("/v1/campaigns/999000111");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SnapSandbox.json(response).get("error_code").asText()).isEqualTo("E3003");
    }

    @Test
    void setsAnAdSquadBid() {
        String path = "/v1/adsquads/" + campaign.profile().adSetId();
        ObjectNode squad = (ObjectNode) SnapSandbox.json(snap.get(path)).at("/adsquads/0/adsquad");
        long target = campaign.bidMicros() + 250_000L;
        squad.put("bid_micro", target);

        HttpResponse<String> response = snap.send("PUT", "/v1/campaigns/" + campaign.id() + "/adsquads",
                "{\"adsquads\":[" + squad + "]}");

        assertThat(SnapSandbox.json(response).at("/adsquads/0/adsquad/bid_micro").asLong()).isEqualTo(target);
        assertThat(campaign.bidMicros()).isEqualTo(target);
        assertThat(snap.state().mutations()).singleElement().satisfies(mutation -> {
            assertThat(mutation.entityId()).isEqualTo(campaign.profile().adSetId());
            assertThat(mutation.change()).isEqualTo("bid_micro=" + target);
            assertThat(mutation.idempotencyKey()).isEqualTo(Optional.empty());
        });
    }

    @Test
    void refusesToPauseAnAdSquadApartFromItsCampaign() {
        ObjectNode squad = (ObjectNode) SnapSandbox.json(snap.get("/v1/adsquads/" + campaign.profile().adSetId()))
                .at("/adsquads/0/adsquad");
        squad.put("status", "PAUSED");

        JsonNode answer = SnapSandbox.json(snap.send("PUT", "/v1/campaigns/" + campaign.id() + "/adsquads",
                "{\"adsquads\":[" + squad + "]}"));

        assertThat(answer.at("/adsquads/0/sub_request_error_reason").asText()).contains("not simulated");
        assertThat(campaign.status()).isEqualTo(EntityStatus.ACTIVE);
    }

    @Test
    void refusesAnAdSquadUnderAnotherCampaign() {
        SimulatedCampaign other = snap.account().campaigns().get(snap.account().campaigns().indexOf(campaign) + 1);
        ObjectNode squad = (ObjectNode) SnapSandbox.json(snap.get("/v1/adsquads/" + campaign.profile().adSetId()))
                .at("/adsquads/0/adsquad");

        JsonNode answer = SnapSandbox.json(snap.send("PUT", "/v1/campaigns/" + other.id() + "/adsquads",
                "{\"adsquads\":[" + squad + "]}"));

        assertThat(answer.at("/adsquads/0/sub_request_error_reason").asText()).contains("E3003");
    }
}
