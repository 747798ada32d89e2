package ai.stratum.plugins.snapchat;

import static ai.stratum.plugins.snapchat.SnapWire.ACCOUNT_ID;
import static ai.stratum.plugins.snapchat.SnapWire.failureOf;
import static ai.stratum.plugins.snapchat.SnapWire.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.RecordingTelemetry;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapchatAudienceSyncTest {

    private static final Instant NOW = Instant.parse("2026-09-15T10:00:00Z");
    private static final String SEGMENT_ID = "5677923948298240";
    private static final String SEGMENTS_PATH = "/v1/adaccounts/" + ACCOUNT_ID + "/segments";
    private static final String USERS_PATH = "/v1/segments/" + SEGMENT_ID + "/users";

    private final SnapchatAudienceSync audiences = new SnapchatAudienceSync(3);
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private WireServer snap;
    private ConnectorContext context;

    @BeforeEach
    void startSnap() {
        snap = WireServer.start();
        snap.on("POST", SEGMENTS_PATH).respond(WireResponse.json(200, SnapWire.segment(SEGMENT_ID, 0, "NO_UPLOAD")));
        snap.on("POST", USERS_PATH).respond(WireResponse.json(200, SnapWire.usersUploaded(3)));
        snap.on("DELETE", USERS_PATH).respond(WireResponse.json(200, SnapWire.usersUploaded(3)));
        context = new TestContexts(TestContexts.TEST_POLICY, Clock.fixed(NOW, ZoneOffset.UTC))
                .context(snap.endpoints(), SnapWire.credentials(), telemetry);
    }

    @AfterEach
    void stopSnap() {
        snap.close();
    }

    private static List<String> hashes(int count) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return IntStream.range(0, count).mapToObj(i -> HexFormat.of().formatHex(
                    sha256.digest(("buyer" + i + "@example.com").getBytes(StandardCharsets.UTF_8)))).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sentHashes(RecordedRequest request) {
        JsonNode users = SnapWire.json(request.body()).get("users").get(0);
        return StreamSupport.stream(users.get("data").spliterator(), false).map(row -> row.get(0).asText()).toList();
    }

    @Test
    void createsAFirstPartySegmentKeptForLifeAndUploadsItsFirstMembers() {
        String id = valueOf(audiences.createAudience(context,
                new NewAudience(ACCOUNT_ID, "Stratum | Buyers", IdentifierType.EMAIL_SHA256, hashes(3))));

        assertThat(id).isEqualTo(SEGMENT_ID);
        assertThat(SnapWire.json(snap.requests("POST", SEGMENTS_PATH).get(0).body())).isEqualTo(SnapWire.json("""
                {"segments":[{"name":"Stratum | Buyers","source_type":"FIRST_PARTY","retention_in_days":9999,
                  "ad_account_id":"%s"}]}""".formatted(ACCOUNT_ID)));
        RecordedRequest upload = snap.requests("POST", USERS_PATH).get(0);
        assertThat(SnapWire.json(upload.body()).get("users").get(0).get("schema").get(0).asText()).isEqualTo("EMAIL_SHA256");
        assertThat(sentHashes(upload)).containsExactlyElementsOf(hashes(3));
        assertThat(snap.requests()).extracting(RecordedRequest::method).containsExactly("POST", "POST");
    }

    @Test
    void addsInBatchesThenRemovesWithDeleteAndCountsWhatSnapTookIn() {
        List<String> hashes = hashes(8);
        snap.once("POST", USERS_PATH).respond(WireResponse.json(200, SnapWire.usersUploaded(3)));
        snap.once("POST", USERS_PATH).respond(WireResponse.json(200, SnapWire.usersUploaded(3)));
        snap.once("POST", USERS_PATH).respond(WireResponse.json(200, SnapWire.usersUploaded(1)));
        snap.once("DELETE", USERS_PATH).respond(WireResponse.json(200, SnapWire.usersUploaded(2)));

        AudienceUpdateResult result = valueOf(audiences.update(context, new AudienceUpdate(ACCOUNT_ID, SEGMENT_ID,
                IdentifierType.EMAIL_SHA256, hashes.subList(0, 7), hashes.subList(6, 8))));

        assertThat(snap.requests("POST", USERS_PATH)).extracting(SnapchatAudienceSyncTest::sentHashes)
                .containsExactly(hashes.subList(0, 3), hashes.subList(3, 6), hashes.subList(6, 7));
        assertThat(snap.requests("DELETE", USERS_PATH)).extracting(SnapchatAudienceSyncTest::sentHashes)
                .containsExactly(hashes.subList(6, 8));
        assertThat(result).isEqualTo(new AudienceUpdateResult(3 + 3 + 1 + 2, 0));
    }

    @Test
    void batchesAtSnapsLimitOfOneHundredThousandIdentifiers() {
        assertThat(new SnapchatAudienceSync()).isNotNull();
        assertThat(AudienceRequests.MAX_IDENTIFIERS_PER_REQUEST).isEqualTo(100_000);
        assertThat(AudienceRequests.batches(hashes(7), 3)).extracting(List::size).containsExactly(3, 3, 1);
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({"EMAIL_SHA256, EMAIL_SHA256", "PHONE_SHA256, PHONE_SHA256", "MOBILE_AD_ID_SHA256, MOBILE_AD_ID_SHA256"})
    void namesEachIdentifierTypeInSnapsSchema(IdentifierType type, String schema) {
        valueOf(audiences.update(context, new AudienceUpdate(ACCOUNT_ID, SEGMENT_ID, type, hashes(1), List.of())));

        assertThat(SnapWire.json(snap.requests("POST", USERS_PATH).get(0).body()).get("users").get(0).get("schema"))
                .extracting(JsonNode::asText).containsExactly(schema);
    }

    @Test
    void sendsNothingForAnEmptyUpdate() {
        assertThat(valueOf(audiences.update(context, new AudienceUpdate(ACCOUNT_ID, SEGMENT_ID,
                IdentifierType.EMAIL_SHA256, List.of(), List.of())))).isEqualTo(new AudienceUpdateResult(0, 0));
        assertThat(snap.requests()).isEmpty();
    }

    @Test
    void letsTheHostRetryAnUploadAfterAServerError() {
        snap.once("POST", USERS_PATH).respond(WireResponse.of(502, "bad gateway"));

        valueOf(audiences.update(context, new AudienceUpdate(ACCOUNT_ID, SEGMENT_ID, IdentifierType.EMAIL_SHA256,
                hashes(2), List.of())));

        assertThat(snap.requests("POST", USERS_PATH)).hasSize(2);
    }

    @Test
    void reportsSnapsMatchedSizeAndNoUploadedCount() {
        snap.on("GET", "/v1/segments/" + SEGMENT_ID).respond(WireResponse.json(200,
                SnapWire.segment(SEGMENT_ID, 4_200, "COMPLETE")));

        AudienceMatch match = valueOf(audiences.match(context, ACCOUNT_ID, SEGMENT_ID));

        assertThat(match).isEqualTo(new AudienceMatch(SEGMENT_ID, OptionalLong.empty(), 4_200, NOW));
        assertThat(telemetry.logs()).isEmpty();
    }

    @Test
    void logsThatTheFigureIsNotFinalWhileSnapIsStillProcessing() {
        snap.on("GET", "/v1/segments/" + SEGMENT_ID).respond(WireResponse.json(200,
                SnapWire.segment(SEGMENT_ID, 1_000, "PROCESSING")));

        valueOf(audiences.match(context, ACCOUNT_ID, SEGMENT_ID));

        assertThat(telemetry.logs()).extracting(RecordingTelemetry.LogEntry::event)
                .containsExactly("snapchat.segment.upload_pending");
    }

    @Test
    void rejectsTheMatchOfASegmentOfAnotherAccount() {
        snap.on("GET", "/v1/segments/" + SEGMENT_ID).respond(WireResponse.json(200,
                SnapWire.segment(SEGMENT_ID, 10, "COMPLETE")));

        assertThat(failureOf(audiences.match(context, "81cf9302-764c-429a-8561-e3bc329cf987", SEGMENT_ID)).failure())
                .isEqualTo(Failure.REJECTED);
    }

    @Test
    void reportsAnUploadAnswerWithoutItsCountAsMalformed() {
        snap.on("POST", USERS_PATH).respond(WireResponse.json(200, SnapWire.envelope("users", "user",
                List.of(SnapJson.MAPPER.createObjectNode()))));

        assertThat(failureOf(audiences.update(context, new AudienceUpdate(ACCOUNT_ID, SEGMENT_ID,
                IdentifierType.EMAIL_SHA256, hashes(1), List.of()))).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void rejectsAnUploadSnapRefuses() {
        snap.on("POST", USERS_PATH).respond(WireResponse.json(400,
                "{\"request_status\":\"ERROR\",\"request_id\":\"r\",\"debug_message\":\"Segment not found\"}"));

        assertThat(failureOf(audiences.update(context, new AudienceUpdate(ACCOUNT_ID, SEGMENT_ID,
                IdentifierType.EMAIL_SHA256, hashes(1), List.of()))).getMessage()).contains("Segment not found");
    }
}
