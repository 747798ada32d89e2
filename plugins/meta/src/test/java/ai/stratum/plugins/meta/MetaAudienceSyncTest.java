package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.NOW;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.RecordingTelemetry;
import ai.stratum.plugin.testkit.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaAudienceSyncTest {

    private static final String AUDIENCE = "23851234567890123";
    private static final String USERS = "/v25.0/" + AUDIENCE + "/users";
    /** SHA-256 of jane.doe@example.com, as in shared/fixtures/meta/capi.events.request.json. */
    private static final String JANE = "86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";

    private final MetaWire meta = new MetaWire();
    private final MetaAudienceSync audiences = new MetaAudienceSync();

    @AfterEach
    void stop() {
        meta.close();
    }

    @Test
    void createsACustomerListAudienceOfTheAccountThenAddsItsFirstMembers() {
        meta.server.on("POST", ACCOUNT + "/customaudiences").respond(WireResponse.json(200, "{\"id\":\"" + AUDIENCE + "\"}"));
        meta.server.on("POST", USERS).respond(WireResponse.json(200, usersAnswer(1, 0)));

        String id = join(audiences.createAudience(meta.context(), buyers(List.of(JANE))));

        assertThat(id).isEqualTo(AUDIENCE);
        RecordedRequest created = meta.requests("POST", ACCOUNT + "/customaudiences").get(0);
        assertThat(created.formFields()).isEqualTo(Map.of(
                "name", "High-value buyers",
                "subtype", "CUSTOM",
                "customer_file_source", "USER_PROVIDED_ONLY",
                "description", MetaAudienceSync.DESCRIPTION));
        assertThat(created.header("Authorization")).contains("Bearer " + MetaWire.TOKEN);
        assertThat(payload(meta.requests("POST", USERS).get(0))).isEqualTo(JsonFields.parseObject(
                "{\"schema\":\"EMAIL_SHA256\",\"data\":[\"" + JANE + "\"]}", "expected"));
        assertThat(meta.server.requests()).extracting(RecordedRequest::path)
                .containsExactly(ACCOUNT + "/customaudiences", USERS);
    }

    @Test
    void addsTheFirstMembersInBatchesOfTenThousand() {
        meta.server.on("POST", ACCOUNT + "/customaudiences").respond(WireResponse.json(200, "{\"id\":\"" + AUDIENCE + "\"}"));
        meta.server.on("POST", USERS).respond(WireResponse.json(200, usersAnswer(1, 0)));

        join(audiences.createAudience(meta.context(), buyers(hashes(20_001))));

        assertThat(meta.requests("POST", USERS)).extracting(request -> payload(request).get("data").size())
                .containsExactly(10_000, 10_000, 1);
    }

    @Test
    void failsAndLogsTheEmptyAudienceWhenItsFirstMembersCannotBeAdded() {
        meta.server.on("POST", ACCOUNT + "/customaudiences").respond(WireResponse.json(200, "{\"id\":\"" + AUDIENCE + "\"}"));
        meta.server.on("POST", USERS).respond(WireResponse.json(400, MetaErrorMappingTest.graphError(100, 1713230,
                "Invalid parameter")));
        RecordingTelemetry telemetry = new RecordingTelemetry();

        ConnectorException failure = failure(audiences.createAudience(meta.context(telemetry), buyers(List.of(JANE))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(telemetry.logs()).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo("audience.created_without_members");
            assertThat(entry.fields()).isEqualTo(Map.of("audience_id", AUDIENCE));
        });
    }

    @Test
    void doesNotResendACreationAfterAServerErrorSinceThatWouldMakeASecondAudience() {
        meta.server.on("POST", ACCOUNT + "/customaudiences").respond(WireResponse.json(500, "{}"));

        ConnectorException failure = failure(audiences.createAudience(meta.context(), buyers(List.of(JANE))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.TRANSIENT);
        assertThat(meta.requests("POST", ACCOUNT + "/customaudiences")).hasSize(1);
        assertThat(meta.requests("POST", USERS)).isEmpty();
    }

    @Test
    void addsAndRemovesInBatchesOfTenThousandAndSumsWhatMetaReceived() {
        meta.server.on("POST", USERS).respond(WireResponse.json(200, usersAnswer(10_000, 3)));
        meta.server.once("POST", USERS).respond(WireResponse.json(200, usersAnswer(10_000, 3)));
        meta.server.once("POST", USERS).respond(WireResponse.json(200, usersAnswer(1, 0)));
        meta.server.on("DELETE", USERS).respond(WireResponse.json(200, usersAnswer(2, 0)));
        List<String> added = hashes(10_001);
        List<String> removed = hashes(2).stream().map(hash -> hash.replace('0', 'f')).toList();

        AudienceUpdateResult result = join(audiences.update(meta.context(),
                new AudienceUpdate(ACCOUNT_ID, AUDIENCE, IdentifierType.EMAIL_SHA256, added, removed)));

        assertThat(result).isEqualTo(new AudienceUpdateResult(10_003, 3));
        List<RecordedRequest> adds = meta.requests("POST", USERS);
        assertThat(adds).hasSize(2);
        assertThat(payload(adds.get(0)).get("schema").asText()).isEqualTo("EMAIL_SHA256");
        assertThat(payload(adds.get(0)).get("data")).hasSize(10_000);
        assertThat(payload(adds.get(1)).get("data")).hasSize(1);
        assertThat(payload(adds.get(1)).get("data").get(0).asText()).isEqualTo(added.get(10_000));
        List<RecordedRequest> removes = meta.requests("DELETE", USERS);
        assertThat(removes).hasSize(1);
        assertThat(payload(removes.get(0)).get("data")).extracting(JsonNode::asText).containsExactlyElementsOf(removed);
        assertThat(meta.server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "POST", "DELETE");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"EMAIL_SHA256, EMAIL_SHA256", "PHONE_SHA256, PHONE_SHA256", "MOBILE_AD_ID_SHA256, MADID"})
    void namesTheSchemaOfTheIdentifiers(IdentifierType type, String schema) {
        meta.server.on("POST", USERS).respond(WireResponse.json(200, usersAnswer(1, 0)));

        join(audiences.update(meta.context(), new AudienceUpdate(ACCOUNT_ID, AUDIENCE, type, List.of(JANE), List.of())));

        assertThat(payload(meta.requests("POST", USERS).get(0))).isEqualTo(JsonFields.parseObject(
                "{\"schema\":\"" + schema + "\",\"data\":[\"" + JANE + "\"]}", "expected"));
    }

    @Test
    void sendsNothingForAnEmptyUpdate() {
        AudienceUpdateResult result = join(audiences.update(meta.context(),
                new AudienceUpdate(ACCOUNT_ID, AUDIENCE, IdentifierType.EMAIL_SHA256, List.of(), List.of())));

        assertThat(result).isEqualTo(new AudienceUpdateResult(0, 0));
        assertThat(meta.server.requests()).isEmpty();
    }

    @Test
    void passesOnAnAudienceMetaBlockedWithItsCode() {
        meta.server.on("POST", USERS).respond(WireResponse.json(400, MetaErrorMappingTest.graphError(100, 1713230,
                "Invalid parameter")));

        ConnectorException failure = failure(audiences.update(meta.context(),
                new AudienceUpdate(ACCOUNT_ID, AUDIENCE, IdentifierType.EMAIL_SHA256, List.of(JANE), List.of())));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
        assertThat(failure.getMessage()).contains("100/1713230");
    }

    @Test
    void failsAsMalformedWhenMetaCountsMoreInvalidThanReceived() {
        meta.server.on("POST", USERS).respond(WireResponse.json(200, usersAnswer(1, 2)));

        ConnectorException failure = failure(audiences.update(meta.context(),
                new AudienceUpdate(ACCOUNT_ID, AUDIENCE, IdentifierType.EMAIL_SHA256, List.of(JANE), List.of())));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void readsTheMatchedSizeRangeMetaEstimates() {
        meta.server.on("GET", "/v25.0/" + AUDIENCE).respond(WireResponse.json(200,
                "{\"approximate_count_lower_bound\":41200,\"approximate_count_upper_bound\":48500,"
                        + "\"operation_status\":{\"code\":200,\"description\":\"Normal\"},\"id\":\"" + AUDIENCE + "\"}"));

        AudienceMatch match = join(audiences.match(meta.context(), ACCOUNT_ID, AUDIENCE));

        // Meta counts no uploaded identifiers, and vouches for the lower bound of matched people
        assertThat(match).isEqualTo(new AudienceMatch(AUDIENCE, OptionalLong.empty(), 41_200, NOW));
        assertThat(meta.requests("GET", "/v25.0/" + AUDIENCE).get(0).query()).containsEntry("fields",
                "approximate_count_lower_bound,approximate_count_upper_bound,operation_status");
    }

    @Test
    void failsAsMalformedOnAnImpossibleSizeRange() {
        meta.server.on("GET", "/v25.0/" + AUDIENCE).respond(WireResponse.json(200,
                "{\"approximate_count_lower_bound\":500,\"approximate_count_upper_bound\":100}"));

        ConnectorException failure = failure(audiences.match(meta.context(), ACCOUNT_ID, AUDIENCE));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    private static NewAudience buyers(List<String> members) {
        return new NewAudience(ACCOUNT_ID, "High-value buyers", IdentifierType.EMAIL_SHA256, members);
    }

    private static String usersAnswer(long received, long invalid) {
        return "{\"audience_id\":\"" + AUDIENCE + "\",\"session_id\":\"9778993\",\"num_received\":" + received
                + ",\"num_invalid_entries\":" + invalid + ",\"invalid_entry_samples\":{}}";
    }

    private static JsonNode payload(RecordedRequest request) {
        return JsonFields.parseObject(request.formFields().get("payload"), "payload");
    }

    private static List<String> hashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%064x", i)).toList();
    }
}
