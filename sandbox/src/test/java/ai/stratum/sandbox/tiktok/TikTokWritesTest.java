package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static ai.stratum.sandbox.tiktok.TikTokFixtures.shape;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.ADVERTISER;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.NOW;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TikTokWritesTest {

    private final TikTokSandbox tiktok = new TikTokSandbox();
    private final SimulatedCampaign campaign = tiktok.account.campaigns().stream()
            .filter(c -> c.status() == EntityStatus.ACTIVE).findFirst().orElseThrow();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private JsonNode post(String resource, String body) {
        return Json.read(tiktok.post(resource, body).body());
    }

    private String budgetBody(String campaignId, String budget) {
        return "{\"advertiser_id\":\"" + ADVERTISER + "\",\"campaign_id\":\"" + campaignId + "\",\"budget\":" + budget
                + ",\"budget_mode\":\"BUDGET_MODE_DAY\"}";
    }

    private String statusBody(List<String> ids, String status) {
        return "{\"advertiser_id\":\"" + ADVERTISER + "\",\"campaign_ids\":" + Json.write(ids)
                + ",\"operation_status\":\"" + status + "\"}";
    }

    @Test
    void setsADailyBudgetFromTodayAndAnswersTheCampaignAsTheFixtureDoes() {
        JsonNode answer = post("campaign/update", budgetBody(campaign.id(), "350.25"));

        assertThat(shape(answer)).containsAllEntriesOf(shape(TikTokFixtures.read("tiktok/campaign.update.response.json")));
        assertThat(answer.at("/data/budget").decimalValue()).isEqualByComparingTo("350.25");
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(350_250_000L);
        assertThat(campaign.dailyBudgetMicrosOn(tiktok.account.today().minusDays(1))).isNotEqualTo(350_250_000L);
        assertThat(tiktok.state().mutations()).containsExactly(
                new Mutation(NOW, ADVERTISER, campaign.id(), "budget=350.25", Optional.empty()));
        assertThat(answer.at("/data/modify_time").asText()).isEqualTo("2026-09-15 03:30:00");
    }

    @Test
    void recordsNoChangeForTheBudgetTheCampaignAlreadyHas() {
        String current = TikTokAmounts.entity(campaign.dailyBudgetMicros()).toPlainString();

        data(tiktok.post("campaign/update", budgetBody(campaign.id(), current)));

        assertThat(tiktok.state().mutations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a fraction of a cent   | \"budget\":350.255 | budget",
            "nothing                | \"budget\":0       | budget",
            "a lifetime budget      | \"budget\":900, \"budget_mode\":\"BUDGET_MODE_TOTAL\" | BUDGET_MODE_DAY",
            "a new name             | \"campaign_name\":\"Renamed\" | campaign_name"
    })
    void refusesACampaignUpdateItCannotApplyAndChangesNothing(String why, String fields, String named) {
        long before = campaign.dailyBudgetMicros();

        JsonNode answer = post("campaign/update", "{\"advertiser_id\":\"" + ADVERTISER + "\",\"campaign_id\":\""
                + campaign.id() + "\"," + fields + "}");

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains(named);
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(before);
        assertThat(tiktok.state().mutations()).isEmpty();
    }

    @Test
    void refusesACampaignTheAdvertiserDoesNotHave() {
        JsonNode answer = post("campaign/update", budgetBody("999000111", "50"));

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains("999000111");
    }

    @Test
    void disablesAndEnablesCampaignsAsTheFixtureShows() {
        JsonNode answer = post("campaign/status/update", statusBody(List.of(campaign.id()), "DISABLE"));

        assertThat(shape(answer)).isEqualTo(shape(TikTokFixtures.read("tiktok/campaign.status.update.response.json")));
        assertThat(answer.at("/data/status").asText()).isEqualTo("DISABLE");
        assertThat(campaign.status()).isEqualTo(EntityStatus.PAUSED);

        data(tiktok.post("campaign/status/update", statusBody(List.of(campaign.id()), "ENABLE")));

        assertThat(campaign.status()).isEqualTo(EntityStatus.ACTIVE);
        assertThat(tiktok.state().mutations()).extracting(Mutation::change)
                .containsExactly("operation_status=DISABLE", "operation_status=ENABLE");
    }

    @Test
    void changesNoStatusWhenOneOfTheIdsIsUnknown() {
        JsonNode answer = post("campaign/status/update", statusBody(List.of(campaign.id(), "999000111"), "DISABLE"));

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(campaign.status()).isEqualTo(EntityStatus.ACTIVE);
    }

    @Test
    void takesAtMostTwentyCampaignsAStatusUpdate() {
        List<String> ids = tiktok.account.campaigns().stream().limit(21).map(SimulatedCampaign::id).toList();

        assertThat(post("campaign/status/update", statusBody(ids, "DISABLE")).path("code").asInt()).isEqualTo(40002);
        assertThat(tiktok.state().mutations()).isEmpty();
    }

    @Test
    void keepsADeletedCampaignDeleted() {
        data(tiktok.post("campaign/status/update", statusBody(List.of(campaign.id()), "DELETE")));

        JsonNode answer = post("campaign/status/update", statusBody(List.of(campaign.id()), "ENABLE"));

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(campaign.status()).isEqualTo(EntityStatus.DELETED);
    }

    @Test
    void setsAnAdGroupBidAndAnswersAsTheFixtureDoes() {
        String adGroup = campaign.profile().adSetId();

        JsonNode answer = post("adgroup/update", "{\"advertiser_id\":\"" + ADVERTISER + "\",\"adgroup_id\":\"" + adGroup
                + "\",\"bid_price\":1.35}");

        assertThat(shape(answer)).isEqualTo(shape(TikTokFixtures.read("tiktok-doc/adgroup.update.response.json")));
        assertThat(campaign.bidMicros()).isEqualTo(1_350_000L);
        assertThat(tiktok.state().mutations()).extracting(Mutation::entityId, Mutation::change)
                .containsExactly(tuple(adGroup, "bid_price=1.35"));
    }

    @Test
    void refusesABidNotBelowTheCampaignBudget() {
        String budget = TikTokAmounts.entity(campaign.dailyBudgetMicros()).toPlainString();

        JsonNode answer = post("adgroup/update", "{\"advertiser_id\":\"" + ADVERTISER + "\",\"adgroup_id\":\""
                + campaign.profile().adSetId() + "\",\"bid_price\":" + budget + "}");

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains("bid_price");
    }

    @Test
    void ignoresAnAdGroupBudgetUnderCampaignBudgetOptimization() {
        long before = campaign.dailyBudgetMicros();

        data(tiktok.post("adgroup/update", "{\"advertiser_id\":\"" + ADVERTISER + "\",\"adgroup_id\":\""
                + campaign.profile().adSetId() + "\",\"budget\":75.5}"));

        assertThat(campaign.dailyBudgetMicros()).isEqualTo(before);
        assertThat(tiktok.state().mutations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an ad group status, which the simulation does not hold | adgroup/status/update | adgroup_ids | ADSET",
            "an ad status, of ads the simulation does not have      | ad/status/update      | ad_ids      | 123"
    })
    void refusesStatusChangesBelowTheCampaign(String why, String resource, String idsField, String id) {
        String entity = id.equals("ADSET") ? campaign.profile().adSetId() : id;

        JsonNode answer = post(resource, "{\"advertiser_id\":\"" + ADVERTISER + "\",\"" + idsField + "\":[\"" + entity
                + "\"],\"operation_status\":\"DISABLE\"}");

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains(idsField);
        assertThat(campaign.status()).isEqualTo(EntityStatus.ACTIVE);
        assertThat(tiktok.state().mutations()).isEmpty();
    }
}
