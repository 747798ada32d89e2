package ai.stratum.sandbox.google;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleCustomerMatchTest {

    private static final String PREFIX = "/v26/customers/" + GoogleApi.CUSTOMER + "/";
    private static final String CREATE_LIST = """
            {"operations":[{"create":{"name":"%s","description":"Customer Match list","membershipLifeSpan":"540",
              "crmBasedUserList":{"uploadKeyType":"CONTACT_INFO","dataSourceType":"FIRST_PARTY"}}}]}""";

    private final GoogleApi google = new GoogleApi();

    @AfterEach
    void close() {
        google.close();
    }

    private static List<String> hashes(int from, int to) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return IntStream.range(from, to).mapToObj(i -> HexFormat.of().formatHex(sha256.digest(("buyer" + i
                    + "@example.com").getBytes(StandardCharsets.UTF_8)))).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String createList(String name) {
        HttpResponse<String> response = google.post(PREFIX + "userLists:mutate", CREATE_LIST.formatted(name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GoogleApi.json(response.body()).path("results").path(0).path("resourceName").asText();
    }

    private String createJob(String userList) {
        HttpResponse<String> response = google.post(PREFIX + "offlineUserDataJobs:create",
                "{\"job\":{\"type\":\"CUSTOMER_MATCH_USER_LIST\",\"customerMatchUserListMetadata\":{\"userList\":\""
                        + userList + "\"}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GoogleApi.json(response.body()).path("resourceName").asText();
    }

    private static String operations(String kind, List<String> hashes, boolean partialFailure) {
        return "{\"enablePartialFailure\":" + partialFailure + ",\"operations\":[" + hashes.stream()
                .map(hash -> "{\"" + kind + "\":{\"userIdentifiers\":[{\"hashedEmail\":\"" + hash + "\"}]}}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private static String id(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    @Test
    void createsAListThenAddsAndRemovesMembersThroughJobs() {
        String list = createList("Buyers");
        String adds = createJob(list);
        assertThat(google.post("/v26/" + adds + ":addOperations", operations("create", hashes(0, 300), true)).body())
                .isEqualTo("{}");
        JsonNode run = GoogleApi.json(google.post("/v26/" + adds + ":run", "{}").body());
        String removes = createJob(list);
        google.post("/v26/" + removes + ":addOperations", operations("remove", hashes(0, 50), true));
        google.post("/v26/" + removes + ":run", "{}");

        assertThat(list).matches("customers/" + GoogleApi.CUSTOMER + "/userLists/[0-9]+");
        assertThat(adds).matches("customers/" + GoogleApi.CUSTOMER + "/offlineUserDataJobs/[0-9]+");
        assertThat(run.path("name").asText()).startsWith("customers/" + GoogleApi.CUSTOMER + "/operations/");
        assertThat(google.state().audiences().members(id(list))).containsExactlyInAnyOrderElementsOf(hashes(50, 300));
    }

    @Test
    void reportsTheListsMatchedMembersInBothSizesAndItsMatchRate() {
        String list = createList("Buyers");
        String job = createJob(list);
        google.post("/v26/" + job + ":addOperations", operations("create", hashes(0, 400), true));
        google.post("/v26/" + job + ":run", "{}");
        long matched = google.state().audiences().matched(id(list));

        JsonNode row = google.rows("SELECT user_list.id, user_list.size_for_search, user_list.size_for_display, "
                + "user_list.match_rate_percentage FROM user_list WHERE user_list.id = " + id(list)).get(0).path("userList");

        assertThat(row.path("resourceName").asText()).isEqualTo(list);
        assertThat(row.path("sizeForSearch").asText()).isEqualTo(String.valueOf(matched));
        assertThat(row.path("sizeForDisplay").asText()).isEqualTo(String.valueOf(matched));
        assertThat(row.path("matchRatePercentage").isIntegralNumber()).isTrue();
        assertThat(row.path("matchRatePercentage").asLong()).isEqualTo(matched * 100 / 400);
    }

    @Test
    void refusesASecondListOfTheSameName() {
        createList("Buyers");

        HttpResponse<String> response = google.post(PREFIX + "userLists:mutate", CREATE_LIST.formatted("Buyers"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"userListError\":\"NAME_ALREADY_USED\"");
    }

    @Test
    void refusesAJobForAListTheCustomerDoesNotHave() {
        HttpResponse<String> response = google.post(PREFIX + "offlineUserDataJobs:create", "{\"job\":{\"type\":"
                + "\"CUSTOMER_MATCH_USER_LIST\",\"customerMatchUserListMetadata\":{\"userList\":\"customers/"
                + GoogleApi.CUSTOMER + "/userLists/42\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"offlineUserDataJobError\":\"INVALID_USER_LIST_ID\"");
    }

    @Test
    void reportsMalformedHashesAsAPartialFailureAndKeepsTheRest() {
        String list = createList("Buyers");
        String job = createJob(list);
        List<String> sent = List.of(hashes(0, 1).get(0), "not-a-hash", hashes(1, 2).get(0).toUpperCase());

        JsonNode body = GoogleApi.json(google.post("/v26/" + job + ":addOperations", operations("create", sent, true)).body());
        google.post("/v26/" + job + ":run", "{}");

        JsonNode errors = body.path("partialFailureError").path("details").path(0).path("errors");
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error.path("errorCode")
                .path("offlineUserDataJobError").asText()).isEqualTo("INVALID_SHA256_FORMAT"));
        assertThat(errors.path(0).path("location").path("fieldPathElements")).extracting(JsonNode::toString)
                .containsExactly("{\"fieldName\":\"operations\",\"index\":1}", "{\"fieldName\":\"create\"}",
                        "{\"fieldName\":\"user_identifiers\",\"index\":0}", "{\"fieldName\":\"hashed_email\"}");
        assertThat(google.state().audiences().members(id(list))).containsExactly(sent.get(0));
    }

    @Test
    void refusesTheWholeRequestForOneBadHashWithoutPartialFailure() {
        String list = createList("Buyers");
        String job = createJob(list);

        HttpResponse<String> response = google.post("/v26/" + job + ":addOperations",
                operations("create", List.of(hashes(0, 1).get(0), "nope"), false));
        google.post("/v26/" + job + ":run", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(google.state().audiences().members(id(list))).isEmpty();
    }

    @Test
    void refusesMixingAddsAndRemovesInOneJob() {
        String job = createJob(createList("Buyers"));
        google.post("/v26/" + job + ":addOperations", operations("create", hashes(0, 2), true));

        HttpResponse<String> response = google.post("/v26/" + job + ":addOperations", operations("remove", hashes(0, 1), false));

        assertThat(response.body()).contains("\"offlineUserDataJobError\":\"CONFLICTING_OPERATION\"");
    }

    @Test
    void refusesOperationsOnAJobThatRan() {
        String job = createJob(createList("Buyers"));
        google.post("/v26/" + job + ":addOperations", operations("create", hashes(0, 2), true));
        google.post("/v26/" + job + ":run", "{}");

        HttpResponse<String> response = google.post("/v26/" + job + ":addOperations", operations("create", hashes(2, 3), true));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"offlineUserDataJobError\":\"JOB_ALREADY_STARTED\"");
    }

    @Test
    void refusesMoreThanAHundredThousandIdentifiersInOneRequest() {
        String job = createJob(createList("Buyers"));
        String operation = "{\"create\":{\"userIdentifiers\":[{\"hashedEmail\":\"" + hashes(0, 1).get(0) + "\"}]}}";

        HttpResponse<String> response = google.post("/v26/" + job + ":addOperations", "{\"enablePartialFailure\":true,"
                + "\"operations\":[" + String.join(",", Collections.nCopies(100_001, operation)) + "]}");

        assertThat(response.body()).contains("\"offlineUserDataJobError\":\"TOO_MANY_USER_IDENTIFIERS\"");
    }

    @Test
    void refusesAMobileIdOnAContactInfoList() {
        String job = createJob(createList("Buyers"));

        HttpResponse<String> response = google.post("/v26/" + job + ":addOperations", "{\"operations\":[{\"create\":"
                + "{\"userIdentifiers\":[{\"mobileId\":\"6d92078a-8246-4ba4-ae5b-76104861e7dc\"}]}}]}");

        assertThat(response.body()).contains("\"offlineUserDataJobError\":\"INCOMPATIBLE_UPLOAD_KEY_TYPE\"");
    }
}
