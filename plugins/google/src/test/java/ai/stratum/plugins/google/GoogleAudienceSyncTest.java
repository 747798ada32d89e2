package ai.stratum.plugins.google;

import static ai.stratum.plugins.google.GoogleWire.await;
import static ai.stratum.plugins.google.GoogleWire.failure;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.RecordingTelemetry;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleAudienceSyncTest {

    private static final String USER_LISTS = "/v26/customers/4826193057/userLists:mutate";
    private static final String CREATE_JOB = "/v26/customers/4826193057/offlineUserDataJobs:create";
    private static final String JOB = "customers/4826193057/offlineUserDataJobs/777";
    private static final String ADD = "/v26/" + JOB + ":addOperations";
    private static final String RUN = "/v26/" + JOB + ":run";
    private static final String LIST = "customers/4826193057/userLists/555";

    private final WireServer google = WireServer.start();
    private final GoogleAudienceSync audiences = new GoogleAudienceSync();

    @AfterEach
    void stop() {
        google.close();
    }

    private void serveJobs(String addAnswer) {
        google.on("POST", CREATE_JOB).respond(WireResponse.json(200, "{\"resourceName\":\"" + JOB + "\"}"));
        google.on("POST", ADD).respond(WireResponse.json(200, addAnswer));
        google.on("POST", RUN).respond(WireResponse.json(200, "{\"name\":\"customers/4826193057/operations/op-1\"}"));
    }

    private static String hash(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        bytes[30] = (byte) (n >> 8);
        bytes[29] = (byte) (n >> 16);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void createsAContactInfoCustomerMatchListThenUploadsItsFirstMembers() {
        google.on("POST", USER_LISTS).respond(WireResponse.json(200, "{\"results\":[{\"resourceName\":\"" + LIST + "\"}]}"));
        serveJobs("{}");

        String id = await(audiences.createAudience(GoogleWire.context(google), new NewAudience(GoogleWire.CUSTOMER,
                "High LTV buyers", IdentifierType.EMAIL_SHA256, List.of(hash(1), hash(2)))));

        assertThat(id).isEqualTo("555");
        assertThat(GoogleWire.json(google.requests("POST", USER_LISTS).get(0).body())).isEqualTo(GoogleWire.json("""
                {"operations":[{"create":{"name":"High LTV buyers",
                  "description":"Customer Match list kept in step by Stratum","membershipLifeSpan":"540",
                  "crmBasedUserList":{"uploadKeyType":"CONTACT_INFO","dataSourceType":"FIRST_PARTY"}}}]}"""));
        assertThat(google.requests().stream().map(RecordedRequest::path)).containsExactly(USER_LISTS, CREATE_JOB, ADD, RUN);
        assertThat(GoogleWire.json(google.requests("POST", CREATE_JOB).get(0).body())
                .path("job").path("customerMatchUserListMetadata").path("userList").asText()).isEqualTo(LIST);
        assertThat(GoogleWire.json(google.requests("POST", ADD).get(0).body())).isEqualTo(GoogleWire.json("""
                {"enablePartialFailure":true,"operations":[
                  {"create":{"userIdentifiers":[{"hashedEmail":"%s"}]}},
                  {"create":{"userIdentifiers":[{"hashedEmail":"%s"}]}}]}""".formatted(hash(1), hash(2))));
    }

    @Test
    void failsTheCreationWhenTheFirstMembersCannotBeUploadedAndLogsTheEmptyList() {
        google.on("POST", USER_LISTS).respond(WireResponse.json(200, "{\"results\":[{\"resourceName\":\"" + LIST + "\"}]}"));
        google.on("POST", CREATE_JOB).respond(WireResponse.json(400, Fixtures.read("google/error.resource-exhausted.json")
                .replace("\"code\": 429", "\"code\": 400")));
        RecordingTelemetry telemetry = new RecordingTelemetry();

        var failure = failure(audiences.createAudience(GoogleWire.contexts().context(google.endpoints(),
                GoogleWire.credentials(), telemetry), newAudience()));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(telemetry.logs()).anySatisfy(log -> {
            assertThat(log.event()).isEqualTo("google.audience.created_without_members");
            assertThat(log.fields()).containsEntry("userList", "555");
        });
        assertThat(google.requests("POST", RUN)).isEmpty();
    }

    @Test
    void refusesToCreateAListOfHashedMobileAdvertisingIdsBeforeAnyRequest() {
        assertThat(failure(audiences.createAudience(GoogleWire.context(google), new NewAudience(GoogleWire.CUSTOMER,
                "Apps", IdentifierType.MOBILE_AD_ID_SHA256, List.of(hash(1))))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void failsAsMalformedWhenTheCreatedListHasNoUserListResourceName() {
        google.on("POST", USER_LISTS).respond(WireResponse.json(200, "{\"results\":[{\"resourceName\":\"customers/1/campaigns/2\"}]}"));

        assertThat(failure(audiences.createAudience(GoogleWire.context(google), newAudience())).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
        assertThat(google.requests("POST", CREATE_JOB)).isEmpty();
    }

    private static NewAudience newAudience() {
        return new NewAudience(GoogleWire.CUSTOMER, "x", IdentifierType.EMAIL_SHA256, List.of(hash(1)));
    }

    @Test
    void addsAndRemovesHashedEmailsEachThroughItsOwnOfflineUserDataJob() {
        serveJobs("{}");
        AudienceUpdate update = new AudienceUpdate(GoogleWire.CUSTOMER, "555", IdentifierType.EMAIL_SHA256,
                List.of(hash(1), hash(2)), List.of(hash(3)));

        AudienceUpdateResult result = await(audiences.update(GoogleWire.context(google), update));

        assertThat(result).isEqualTo(new AudienceUpdateResult(3, 0));
        assertThat(google.requests().stream().map(RecordedRequest::path))
                .containsExactly(CREATE_JOB, ADD, RUN, CREATE_JOB, ADD, RUN);
        assertThat(GoogleWire.json(google.requests("POST", CREATE_JOB).get(0).body())).isEqualTo(GoogleWire.json("""
                {"job":{"type":"CUSTOMER_MATCH_USER_LIST","customerMatchUserListMetadata":{"userList":"%s"}}}"""
                .formatted(LIST)));
        List<RecordedRequest> adds = google.requests("POST", ADD);
        assertThat(GoogleWire.json(adds.get(0).body())).isEqualTo(GoogleWire.json("""
                {"enablePartialFailure":true,"operations":[
                  {"create":{"userIdentifiers":[{"hashedEmail":"%s"}]}},
                  {"create":{"userIdentifiers":[{"hashedEmail":"%s"}]}}]}""".formatted(hash(1), hash(2))));
        assertThat(GoogleWire.json(adds.get(1).body())).isEqualTo(GoogleWire.json("""
                {"enablePartialFailure":true,"operations":[{"remove":{"userIdentifiers":[{"hashedEmail":"%s"}]}}]}"""
                .formatted(hash(3))));
    }

    @Test
    void uploadsPhoneNumberHashesAsHashedPhoneNumbers() {
        serveJobs("{}");

        await(audiences.update(GoogleWire.context(google), new AudienceUpdate(GoogleWire.CUSTOMER, "555",
                IdentifierType.PHONE_SHA256, List.of(hash(9)), List.of())));

        assertThat(GoogleWire.json(google.requests("POST", ADD).get(0).body()).path("operations").path(0))
                .isEqualTo(GoogleWire.json("{\"create\":{\"userIdentifiers\":[{\"hashedPhoneNumber\":\"" + hash(9) + "\"}]}}"));
        assertThat(google.requests("POST", CREATE_JOB)).hasSize(1);
    }

    @Test
    void splitsLargeUploadsIntoRequestsOfTenThousandUsers() {
        serveJobs("{}");
        List<String> added = IntStream.range(0, 20_001).mapToObj(GoogleAudienceSyncTest::hash).toList();

        AudienceUpdateResult result = await(audiences.update(GoogleWire.context(google),
                new AudienceUpdate(GoogleWire.CUSTOMER, "555", IdentifierType.EMAIL_SHA256, added, List.of())));

        assertThat(google.requests("POST", ADD).stream().map(r -> GoogleWire.json(r.body()).path("operations").size()))
                .containsExactly(10_000, 10_000, 1);
        assertThat(google.requests("POST", CREATE_JOB)).hasSize(1);
        assertThat(google.requests("POST", RUN)).hasSize(1);
        assertThat(result.received()).isEqualTo(20_001);
    }

    @Test
    void countsTheIdentifiersGoogleRefusedInAPartialFailure() {
        serveJobs("""
                {"partialFailureError":{"code":3,"message":"Multiple errors in 'details'.",
                  "details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors":[
                      {"errorCode":{"offlineUserDataJobError":"INVALID_SHA256_FORMAT"},"message":"bad hash",
                       "location":{"fieldPathElements":[{"fieldName":"operations","index":1},{"fieldName":"create"}]}},
                      {"errorCode":{"offlineUserDataJobError":"INVALID_SHA256_FORMAT"},"message":"bad hash",
                       "location":{"fieldPathElements":[{"fieldName":"operations","index":1},{"fieldName":"create"}]}}]}]}}""");

        AudienceUpdateResult result = await(audiences.update(GoogleWire.context(google), new AudienceUpdate(
                GoogleWire.CUSTOMER, "555", IdentifierType.EMAIL_SHA256, List.of(hash(1), hash(2), hash(3)), List.of())));

        assertThat(result).isEqualTo(new AudienceUpdateResult(3, 1));
    }

    @Test
    void sendsNothingForAnEmptyUpdate() {
        AudienceUpdateResult result = await(audiences.update(GoogleWire.context(google),
                new AudienceUpdate(GoogleWire.CUSTOMER, "555", IdentifierType.EMAIL_SHA256, List.of(), List.of())));

        assertThat(result).isEqualTo(new AudienceUpdateResult(0, 0));
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void refusesHashedMobileAdvertisingIdsWhichGoogleTakesOnlyUnhashed() {
        assertThat(failure(audiences.update(GoogleWire.context(google), new AudienceUpdate(GoogleWire.CUSTOMER, "555",
                IdentifierType.MOBILE_AD_ID_SHA256, List.of(hash(1)), List.of()))).failure()).isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void failsTheUpdateWhenAddingOperationsIsRateLimited() {
        serveJobs("{}");
        google.once("POST", ADD).respond(WireResponse.json(400, Fixtures.read("google/error.resource-exhausted.json")
                .replace("\"code\": 429", "\"code\": 400")));

        var failure = failure(audiences.update(GoogleWire.context(google), new AudienceUpdate(GoogleWire.CUSTOMER, "555",
                IdentifierType.EMAIL_SHA256, List.of(hash(1)), List.of())));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(google.requests("POST", RUN)).isEmpty();
    }

    @ParameterizedTest(name = "search {0}, display {1}, rate {2}% → matched {3}, no uploaded count")
    @CsvSource({
            "12000, 15000, 60, 15000",
            "900, 0, 45, 900",
            ", , , 0",
            "3000, 2500, , 3000",
    })
    void readsTheMatchedCountFromTheUserListsSizesAndReportsNoUploadedCount(Long search, Long display, Integer rate,
                                                                            long matched) {
        StringBuilder list = new StringBuilder("{\"resourceName\":\"" + LIST + "\",\"id\":\"555\"");
        if (search != null) {
            list.append(",\"sizeForSearch\":\"").append(search).append('"');
        }
        if (display != null) {
            list.append(",\"sizeForDisplay\":\"").append(display).append('"');
        }
        if (rate != null) {
            list.append(",\"matchRatePercentage\":").append(rate);
        }
        GoogleWire.onQuery(google, gaql -> gaql.contains("FROM user_list"), WireResponse.json(200,
                GoogleWire.stream("userList.id", "{\"userList\":" + list + "}}")));

        AudienceMatch match = await(audiences.match(GoogleWire.context(google), GoogleWire.CUSTOMER, "555"));

        assertThat(match).isEqualTo(new AudienceMatch("555", OptionalLong.empty(), matched, GoogleWire.NOW));
        assertThat(GoogleWire.queries(google)).containsExactly("SELECT user_list.id, user_list.size_for_search, "
                + "user_list.size_for_display, user_list.match_rate_percentage FROM user_list WHERE user_list.id = 555");
    }

    @Test
    void refusesImpossibleMatchFiguresAsMalformed() {
        GoogleWire.onQuery(google, gaql -> gaql.contains("FROM user_list"), WireResponse.json(200, GoogleWire.stream(
                "userList.id", "{\"userList\":{\"resourceName\":\"" + LIST + "\",\"sizeForSearch\":\"10\",\"matchRatePercentage\":140}}")));

        assertThat(failure(audiences.match(GoogleWire.context(google), GoogleWire.CUSTOMER, "555")).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void refusesToMatchAListGoogleDoesNotKnow() {
        GoogleWire.onQuery(google, gaql -> gaql.contains("FROM user_list"),
                WireResponse.json(200, Fixtures.read("google/searchstream.response.empty.json")));

        assertThat(failure(audiences.match(GoogleWire.context(google), GoogleWire.CUSTOMER, "555")).failure())
                .isEqualTo(Failure.REJECTED);
    }

    @Test
    void refusesAnAudienceIdThatIsNotNumericBeforeAnyRequest() {
        assertThat(failure(audiences.match(GoogleWire.context(google), GoogleWire.CUSTOMER, "555 OR 1=1")).failure())
                .isEqualTo(Failure.REJECTED);
        assertThat(google.requests()).isEmpty();
    }
}
