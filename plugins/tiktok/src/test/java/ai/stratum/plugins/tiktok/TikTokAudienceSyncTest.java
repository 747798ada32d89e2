package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.ADVERTISER;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.TOKEN;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.doc;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.error;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.failure;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.join;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.json;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.path;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TikTokAudienceSyncTest {

    private static final String AUDIENCE = "160000123";
    private static final String UPLOAD = path("dmp/custom_audience/file/upload");
    private static final String UPDATE = path("dmp/custom_audience/update");
    private static final String CREATE = path("dmp/custom_audience/create");
    private static final Instant NOW = Instant.parse("2026-09-15T03:00:00Z");

    private final TikTokTestPlatform tiktok = new TikTokTestPlatform();
    private final TikTokAudienceSync sync = new TikTokAudienceSync();
    private final ConnectorContext context = tiktok.context(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        tiktok.close();
    }

    private void servesUploadsAndUpdates() {
        tiktok.server.on("POST", UPLOAD).respond(doc("dmp.file.upload.response.json"));
        tiktok.server.on("POST", UPDATE).respond(doc("dmp.custom_audience.update.response.json"));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> hashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%064x", i)).toList();
    }

    @Test
    void uploadsTheAddedHashesAsASignedFileThenAppendsThem() throws Exception {
        servesUploadsAndUpdates();
        String jane = sha256("jane.doe@example.com");
        String marco = sha256("m.rossi@example.it");

        AudienceUpdateResult result = join(sync.update(context, new AudienceUpdate(ADVERTISER, AUDIENCE,
                IdentifierType.EMAIL_SHA256, List.of(jane, marco), List.of())));

        assertThat(result).isEqualTo(new AudienceUpdateResult(2, 0));
        RecordedRequest upload = tiktok.server.requests("POST", UPLOAD).get(0);
        String file = jane + "\n" + marco;
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file.getBytes(StandardCharsets.US_ASCII)));
        String boundary = "stratum-" + signature;
        assertThat(upload.header("Content-Type")).contains("multipart/form-data; boundary=" + boundary);
        assertThat(upload.header("Access-Token")).contains(TOKEN);
        assertThat(upload.body()).isEqualTo(""
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"advertiser_id\"\r\n\r\n" + ADVERTISER + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"calculate_type\"\r\n\r\nEMAIL_SHA256\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_signature\"\r\n\r\n" + signature + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + boundary + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + file + "\r\n"
                + "--" + boundary + "--\r\n");
        JsonNode update = json(tiktok.server.requests("POST", UPDATE).get(0).body());
        assertThat(update).isEqualTo(json("{\"advertiser_id\":\"" + ADVERTISER + "\",\"custom_audience_id\":\"" + AUDIENCE
                + "\",\"action\":\"APPEND\",\"file_paths\":[\"ad-site-i18n-sg/202609150206087012345678901234567_stratum.txt\"]}"));
    }

    @Test
    void appendsBeforeItRemoves() {
        servesUploadsAndUpdates();

        join(sync.update(context, new AudienceUpdate(ADVERTISER, AUDIENCE, IdentifierType.EMAIL_SHA256,
                hashes(2), List.of(String.format("%064x", 99)))));

        assertThat(tiktok.server.requests()).extracting(RecordedRequest::path).containsExactly(UPLOAD, UPDATE, UPLOAD, UPDATE);
        assertThat(tiktok.server.requests("POST", UPDATE))
                .extracting(request -> json(request.body()).path("action").asText()).containsExactly("APPEND", "REMOVE");
        assertThat(tiktok.server.requests("POST", UPLOAD).get(1).body()).contains(String.format("%064x", 99));
    }

    @Test
    void splitsLargeUpdatesIntoFilesOfFiftyThousandHashes() {
        servesUploadsAndUpdates();

        AudienceUpdateResult result = join(sync.update(context, new AudienceUpdate(ADVERTISER, AUDIENCE,
                IdentifierType.EMAIL_SHA256, hashes(AudienceFiles.HASHES_PER_FILE + 1), List.of())));

        List<RecordedRequest> uploads = tiktok.server.requests("POST", UPLOAD);
        assertThat(uploads).hasSize(2);
        assertThat(uploads.get(1).body()).contains(String.format("%064x", AudienceFiles.HASHES_PER_FILE));
        assertThat(json(tiktok.server.requests("POST", UPDATE).get(0).body()).path("file_paths")).hasSize(2);
        assertThat(result.received()).isEqualTo(AudienceFiles.HASHES_PER_FILE + 1);
    }

    @Test
    void groupsAtMostFortyNineFilesIntoOneUpdateCall() {
        List<String> paths = IntStream.range(0, 100).mapToObj(i -> "f" + i).toList();

        assertThat(Batches.of(paths, TikTokAudienceSync.FILES_PER_UPDATE))
                .extracting(List::size).containsExactly(49, 49, 2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"EMAIL_SHA256, EMAIL_SHA256", "PHONE_SHA256, PHONE_SHA256", "MOBILE_AD_ID_SHA256, MAID_SHA256"})
    void uploadsEachIdentifierKindWithTikToksEncryptionType(IdentifierType type, String calculateType) {
        servesUploadsAndUpdates();

        join(sync.update(context, new AudienceUpdate(ADVERTISER, AUDIENCE, type, hashes(1), List.of())));

        assertThat(tiktok.server.requests("POST", UPLOAD).get(0).body())
                .contains("name=\"calculate_type\"\r\n\r\n" + calculateType + "\r\n");
    }

    @Test
    void sendsNothingForAnEmptyUpdate() {
        AudienceUpdateResult result = join(sync.update(context,
                new AudienceUpdate(ADVERTISER, AUDIENCE, IdentifierType.EMAIL_SHA256, List.of(), List.of())));

        assertThat(result).isEqualTo(new AudienceUpdateResult(0, 0));
        assertThat(tiktok.server.requests()).isEmpty();
    }

    @Test
    void stopsBeforeUpdatingWhenTikTokRefusesTheFile() {
        tiktok.server.on("POST", UPLOAD).respond(error(40909, "The encryption type is unsupported."));

        ConnectorException failure = failure(sync.update(context,
                new AudienceUpdate(ADVERTISER, AUDIENCE, IdentifierType.EMAIL_SHA256, hashes(1), List.of())));

        assertThat(failure.platformCode()).contains("40909");
        assertThat(tiktok.server.requests("POST", UPDATE)).isEmpty();
    }

    @Test
    void readsTheAudiencesCoverageAsItsMatchFigures() {
        tiktok.server.on("GET", path("dmp/custom_audience/get")).respond(doc("dmp.custom_audience.get.response.json"));

        AudienceMatch match = join(sync.match(context, ADVERTISER, AUDIENCE));

        assertThat(match).as("TikTok reports only the covered users, not the uploaded lines")
                .isEqualTo(new AudienceMatch(AUDIENCE, OptionalLong.empty(), 18_400, NOW));
        assertThat(tiktok.server.requests().get(0).query()).containsEntry("advertiser_id", ADVERTISER)
                .containsEntry("custom_audience_ids", "[\"" + AUDIENCE + "\"]");
    }

    @Test
    void failsAMatchWhenTikTokLeavesTheAudienceOut() {
        tiktok.server.on("GET", path("dmp/custom_audience/get")).respond(doc("dmp.custom_audience.get.response.json"));

        assertThat(failure(sync.match(context, ADVERTISER, "999")).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void createsTheAudienceFromAnUploadedFileOfItsFirstMembers() throws Exception {
        tiktok.server.on("POST", UPLOAD).respond(doc("dmp.file.upload.response.json"));
        tiktok.server.on("POST", CREATE).respond(doc("dmp.custom_audience.create.response.json"));
        String jane = sha256("jane.doe@example.com");

        String audienceId = join(sync.createAudience(context, new NewAudience(ADVERTISER, "Stratum | High-value buyers",
                IdentifierType.EMAIL_SHA256, List.of(jane))));

        assertThat(audienceId).isEqualTo("160000124");
        assertThat(tiktok.server.requests()).extracting(RecordedRequest::path).containsExactly(UPLOAD, CREATE);
        assertThat(tiktok.server.requests("POST", UPLOAD).get(0).body())
                .contains("name=\"calculate_type\"\r\n\r\nEMAIL_SHA256\r\n", "\r\n\r\n" + jane + "\r\n");
        RecordedRequest create = tiktok.server.requests("POST", CREATE).get(0);
        assertThat(create.header("Access-Token")).contains(TOKEN);
        assertThat(json(create.body())).isEqualTo(json("{\"advertiser_id\":\"" + ADVERTISER + "\","
                + "\"custom_audience_name\":\"Stratum | High-value buyers\",\"calculate_type\":\"EMAIL_SHA256\","
                + "\"file_paths\":[\"ad-site-i18n-sg/202609150206087012345678901234567_stratum.txt\"]}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"EMAIL_SHA256, EMAIL_SHA256", "PHONE_SHA256, PHONE_SHA256", "MOBILE_AD_ID_SHA256, MAID_SHA256"})
    void createsEachIdentifierKindWithTikToksEncryptionType(IdentifierType type, String calculateType) {
        tiktok.server.on("POST", UPLOAD).respond(doc("dmp.file.upload.response.json"));
        tiktok.server.on("POST", CREATE).respond(doc("dmp.custom_audience.create.response.json"));

        join(sync.createAudience(context, new NewAudience(ADVERTISER, "Buyers", type, hashes(3))));

        assertThat(json(tiktok.server.requests("POST", CREATE).get(0).body()).path("calculate_type").asText())
                .isEqualTo(calculateType);
    }

    @Test
    void readsANumericAudienceIdAsItsDigits() {
        tiktok.server.on("POST", UPLOAD).respond(doc("dmp.file.upload.response.json"));
        tiktok.server.on("POST", CREATE).respond(WireResponse.json(200,
                "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"custom_audience_id\":160000124}}"));

        assertThat(join(sync.createAudience(context, new NewAudience(ADVERTISER, "Buyers", IdentifierType.EMAIL_SHA256,
                hashes(1))))).isEqualTo("160000124");
    }

    @Test
    void failsACreateWhoseAnswerNamesNoAudience() {
        tiktok.server.on("POST", UPLOAD).respond(doc("dmp.file.upload.response.json"));
        tiktok.server.on("POST", CREATE).respond(doc("dmp.custom_audience.update.response.json"));

        assertThat(failure(sync.createAudience(context, new NewAudience(ADVERTISER, "Buyers", IdentifierType.EMAIL_SHA256,
                hashes(1)))).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void createsNothingWhenTikTokRefusesTheFirstFile() {
        tiktok.server.on("POST", UPLOAD).respond(error(40909, "The encryption type is unsupported."));

        ConnectorException failure = failure(sync.createAudience(context, new NewAudience(ADVERTISER, "Buyers",
                IdentifierType.EMAIL_SHA256, hashes(1))));

        assertThat(failure.platformCode()).contains("40909");
        assertThat(tiktok.server.requests("POST", CREATE)).isEmpty();
    }

    @Test
    void passesOnTikToksRefusalOfTheCreate() {
        tiktok.server.on("POST", UPLOAD).respond(doc("dmp.file.upload.response.json"));
        tiktok.server.on("POST", CREATE).respond(error(40002, "custom_audience_name: Audience name already exists."));

        ConnectorException failure = failure(sync.createAudience(context, new NewAudience(ADVERTISER, "Buyers",
                IdentifierType.EMAIL_SHA256, hashes(1))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.platformCode()).contains("40002");
    }

    @Test
    void refusesANameLongerThanTikTokTakesBeforeUploadingAnything() {
        ConnectorException failure = failure(sync.createAudience(context, new NewAudience(ADVERTISER, "b".repeat(129),
                IdentifierType.EMAIL_SHA256, hashes(1))));

        assertThat(failure.failure()).isEqualTo(Failure.REJECTED);
        assertThat(failure.getMessage()).contains("128");
        assertThat(tiktok.server.requests()).isEmpty();
    }
}
