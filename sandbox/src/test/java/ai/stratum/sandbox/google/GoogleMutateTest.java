package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleMutateTest {

    private static final String PREFIX = "/v26/customers/" + GoogleApi.CUSTOMER + "/";

    private final GoogleApi google = new GoogleApi();

    @AfterEach
    void close() {
        google.close();
    }

    private SimulatedCampaign campaign(EntityStatus status) {
        return google.account().campaigns().stream().filter(c -> c.status() == status).findFirst().orElseThrow();
    }

    private static String budgetName(SimulatedCampaign campaign) {
        return "customers/" + GoogleApi.CUSTOMER + "/campaignBudgets/" + GoogleIds.budgetId(campaign.id());
    }

    private static String campaignName(String id) {
        return "customers/" + GoogleApi.CUSTOMER + "/campaigns/" + id;
    }

    /** @return the fixture's budget request, pointed at a campaign of the sandbox and the amount */
    private static String budgetRequest(SimulatedCampaign campaign, long micros) {
        return GoogleFixtures.BUDGET_MUTATE_REQUEST.replace("customers/4826193057/campaignBudgets/13498720554",
                budgetName(campaign)).replace("\"650000000\"", "\"" + micros + "\"");
    }

    private static JsonNode firstError(HttpResponse<String> response) {
        return GoogleApi.json(response.body()).path("error").path("details").path(0).path("errors").path(0);
    }

    @Test
    void setsADailyBudgetFromTheFixturesRequestAndAnswersInTheFixturesShape() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        long target = campaign.dailyBudgetMicros() + 12_340_000L;

        HttpResponse<String> response = google.post(PREFIX + "campaignBudgets:mutate", budgetRequest(campaign, target));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GoogleApi.json(response.body());
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.BUDGET_MUTATE), body);
        assertThat(body.path("results").path(0).path("resourceName").asText()).isEqualTo(budgetName(campaign));
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(target);
        assertThat(campaign.dailyBudgetMicrosOn(google.account().today().minusDays(1))).isNotEqualTo(target);
        assertThat(google.state().mutations()).singleElement().satisfies(mutation -> {
            assertThat(mutation.entityId()).isEqualTo(campaign.id());
            assertThat(mutation.change()).isEqualTo("campaign_budget.amount_micros=" + target);
            assertThat(mutation.idempotencyKey()).isEmpty();
        });
    }

    @Test
    void showsTheChangedBudgetWhenAskedForTheMutableResource() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        String request = budgetRequest(campaign, 80_000_000L).replace("\"validateOnly\": false",
                "\"validateOnly\": false, \"responseContentType\": \"MUTABLE_RESOURCE\"");

        JsonNode body = GoogleApi.json(google.post(PREFIX + "campaignBudgets:mutate", request).body());

        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.BUDGET_MUTATE_MUTABLE), body);
        assertThat(body.path("results").path(0).path("campaignBudget").path("amountMicros").asText()).isEqualTo("80000000");
    }

    @Test
    void repeatingAChangeRecordsNothingTheSecondTime() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        String request = budgetRequest(campaign, 55_000_000L);

        google.post(PREFIX + "campaignBudgets:mutate", request);
        google.post(PREFIX + "campaignBudgets:mutate", request);

        assertThat(google.state().mutations()).hasSize(1);
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(55_000_000L);
    }

    @ParameterizedTest(name = "{0} micros → {1}")
    @CsvSource({
            "55000001, NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT",
            "-10000, NEGATIVE_MONEY_AMOUNT",
            "0, MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC",
    })
    void refusesABudgetGoogleWouldRefuseAndChangesNothing(long micros, String error) {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        long before = campaign.dailyBudgetMicros();

        HttpResponse<String> response = google.post(PREFIX + "campaignBudgets:mutate", budgetRequest(campaign, micros));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode failure = firstError(response);
        assertThat(failure.path("errorCode").path("campaignBudgetError").asText()).isEqualTo(error);
        assertThat(failure.path("location").path("fieldPathElements").path(0).path("fieldName").asText()).isEqualTo("operations");
        assertThat(campaign.dailyBudgetMicros()).isEqualTo(before);
        assertThat(google.state().mutations()).isEmpty();
    }

    @Test
    void refusesAnUnknownResourceAsNotFoundAtItsResourceName() {
        HttpResponse<String> response = google.post(PREFIX + "campaigns:mutate",
                GoogleFixtures.CAMPAIGN_MUTATE_REQUEST.replace("customers/4826193057", "customers/" + GoogleApi.CUSTOMER));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode failure = firstError(response);
        assertThat(failure.path("errorCode").path("mutateError").asText()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(failure.path("location").path("fieldPathElements")).extracting(JsonNode::toString).containsExactly(
                "{\"fieldName\":\"operations\",\"index\":0}", "{\"fieldName\":\"update\"}", "{\"fieldName\":\"resource_name\"}");
    }

    @Test
    void pausesACampaignFromTheFixturesRequestAndAnswersInTheFixturesShape() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);

        HttpResponse<String> response = google.post(PREFIX + "campaigns:mutate", GoogleFixtures.CAMPAIGN_MUTATE_REQUEST
                .replace("customers/4826193057/campaigns/21603377210", campaignName(campaign.id())));

        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.CAMPAIGN_MUTATE), GoogleApi.json(response.body()));
        assertThat(campaign.status()).isEqualTo(EntityStatus.PAUSED);
        assertThat(google.state().mutations()).extracting(Mutation::change).containsExactly("campaign.status=PAUSED");
    }

    @Test
    void removesACampaignForGoodAndRefusesLaterChanges() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        String remove = "{\"operations\":[{\"remove\":\"" + campaignName(campaign.id()) + "\"}]}";

        assertThat(google.post(PREFIX + "campaigns:mutate", remove).statusCode()).isEqualTo(200);
        HttpResponse<String> again = google.post(PREFIX + "campaigns:mutate", remove);

        assertThat(campaign.status()).isEqualTo(EntityStatus.DELETED);
        assertThat(firstError(again).path("errorCode").path("operationAccessDeniedError").asText())
                .isEqualTo("OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE");
        assertThat(google.rows("SELECT campaign.id, campaign.status FROM campaign WHERE campaign.status = 'REMOVED'"))
                .extracting(row -> row.path("campaign").path("id").asText()).containsExactly(campaign.id());
    }

    @Test
    void appliesTheGoodOperationsAndReportsTheOthersUnderPartialFailure() {
        SimulatedCampaign active = campaign(EntityStatus.ACTIVE);
        String request = """
                {"partialFailure":true,"operations":[
                  {"updateMask":"status","update":{"resourceName":"%s","status":"PAUSED"}},
                  {"updateMask":"status","update":{"resourceName":"%s","status":"PAUSED"}}]}"""
                .formatted(campaignName("999000111"), campaignName(active.id()));

        JsonNode body = GoogleApi.json(google.post(PREFIX + "campaigns:mutate", request).body());

        assertThat(body.path("results").path(0).size()).isZero();
        assertThat(body.path("results").path(1).path("resourceName").asText()).isEqualTo(campaignName(active.id()));
        assertThat(body.path("partialFailureError").path("code").asInt()).isEqualTo(3);
        assertThat(body.path("partialFailureError").path("details").path(0).path("errors").path(0)
                .path("location").path("fieldPathElements").path(0).path("index").asInt()).isZero();
        assertThat(active.status()).isEqualTo(EntityStatus.PAUSED);
    }

    @Test
    void checksButChangesNothingWhenValidateOnly() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        String request = budgetRequest(campaign, 70_000_000L).replace("\"validateOnly\": false", "\"validateOnly\": true");

        HttpResponse<String> response = google.post(PREFIX + "campaignBudgets:mutate", request);

        assertThat(response.body()).isEqualTo("{}");
        assertThat(campaign.dailyBudgetMicros()).isNotEqualTo(70_000_000L);
    }

    @Test
    void setsAnAdGroupsCpcBidAndStatus() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);
        String adGroup = "customers/" + GoogleApi.CUSTOMER + "/adGroups/" + campaign.profile().adSetId();
        String request = """
                {"operations":[{"updateMask":"cpcBidMicros,status","update":{"resourceName":"%s","cpcBidMicros":"1230000",
                  "status":"PAUSED"}}],"partialFailure":false,"validateOnly":false}""".formatted(adGroup);

        assertThat(google.post(PREFIX + "adGroups:mutate", request).statusCode()).isEqualTo(200);

        assertThat(campaign.bidMicros()).isEqualTo(1_230_000L);
        assertThat(google.rows("SELECT ad_group.id, ad_group.status, ad_group.cpc_bid_micros FROM ad_group WHERE "
                + "ad_group.id = " + campaign.profile().adSetId())).singleElement().satisfies(row -> {
                    assertThat(row.path("adGroup").path("status").asText()).isEqualTo("PAUSED");
                    assertThat(row.path("adGroup").path("cpcBidMicros").asText()).isEqualTo("1230000");
                });
        assertThat(google.state().mutations()).extracting(Mutation::entityId).containsOnly(campaign.profile().adSetId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no update mask | {\"operations\":[{\"update\":{\"resourceName\":\"%s\",\"status\":\"PAUSED\"}}]} | fieldMaskError | FIELD_MASK_MISSING",
            "unknown mask field | {\"operations\":[{\"updateMask\":\"colour\",\"update\":{\"resourceName\":\"%s\"}}]} | fieldMaskError | FIELD_NOT_FOUND",
            "status REMOVED by update | {\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":\"%s\",\"status\":\"REMOVED\"}}]} | requestError | INVALID_ENUM_VALUE",
            "no operation | {\"operations\":[{}]} | requestError | OPERATION_REQUIRED",
            "the same campaign twice | {\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":\"%1$s\",\"status\":\"PAUSED\"}},{\"updateMask\":\"status\",\"update\":{\"resourceName\":\"%1$s\",\"status\":\"ENABLED\"}}]} | mutateError | ID_EXISTS_IN_MULTIPLE_MUTATES",
            "another customer's campaign | {\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":\"customers/5555555555/campaigns/1\",\"status\":\"PAUSED\"}}]} | requestError | RESOURCE_NAME_MALFORMED",
            "a new campaign | {\"operations\":[{\"create\":{\"name\":\"New\"}}]} | operationAccessDeniedError | CREATE_OPERATION_NOT_PERMITTED",
    })
    void refusesACampaignOperationGoogleWouldRefuse(String what, String template, String family, String value) {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);

        HttpResponse<String> response = google.post(PREFIX + "campaigns:mutate", template.formatted(campaignName(campaign.id())));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstError(response).path("errorCode").path(family).asText()).isEqualTo(value);
        assertThat(google.state().mutations()).isEmpty();
    }

    @Test
    void refusesAnEnumGoogleDoesNotHaveAsAnInvalidPayload() {
        SimulatedCampaign campaign = campaign(EntityStatus.ACTIVE);

        HttpResponse<String> response = google.post(PREFIX + "campaigns:mutate", "{\"operations\":[{\"updateMask\":"
                + "\"status\",\"update\":{\"resourceName\":\"" + campaignName(campaign.id()) + "\",\"status\":\"RUNNING\"}}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = GoogleApi.json(response.body()).path("error");
        assertThat(error.path("message").asText()).startsWith("Invalid JSON payload received.");
        assertThat(error.path("details").path(0).path("fieldViolations").path(0).path("field").asText())
                .isEqualTo("operations[0].update.status");
    }

    @Test
    void refusesMoreThanTenThousandOperations() {
        String operation = "{\"updateMask\":\"status\",\"update\":{\"resourceName\":\"" + campaignName("1") + "\",\"status\":\"PAUSED\"}}";
        String request = "{\"operations\":[" + String.join(",", Collections.nCopies(10_001, operation)) + "]}";

        assertThat(firstError(google.post(PREFIX + "campaigns:mutate", request)).path("errorCode").path("requestError")
                .asText()).isEqualTo("TOO_MANY_MUTATE_OPERATIONS");
    }

    @Test
    void pausesEveryListedCampaignInOneRequest() {
        List<SimulatedCampaign> active = google.account().campaigns().stream()
                .filter(c -> c.status() == EntityStatus.ACTIVE).toList();
        StringBuilder operations = new StringBuilder();
        for (SimulatedCampaign campaign : active) {
            operations.append(operations.length() == 0 ? "" : ",").append("{\"updateMask\":\"status\",\"update\":"
                    + "{\"resourceName\":\"").append(campaignName(campaign.id())).append("\",\"status\":\"PAUSED\"}}");
        }

        JsonNode body = GoogleApi.json(google.post(PREFIX + "campaigns:mutate", "{\"operations\":[" + operations + "]}").body());

        assertThat(body.path("results").size()).isEqualTo(active.size());
        assertThat(google.account().campaigns()).allSatisfy(c -> assertThat(c.status()).isEqualTo(EntityStatus.PAUSED));
        assertThat(google.state().mutations()).hasSize(active.size());
    }
}
