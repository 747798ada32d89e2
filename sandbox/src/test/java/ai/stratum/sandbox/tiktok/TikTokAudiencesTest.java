package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static ai.stratum.sandbox.tiktok.TikTokFixtures.shape;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.ADVERTISER;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.data;
import static org.assertj.core.api.Assertions.assertThat;

class TikTokAudiencesTest {

    private static final String BOUNDARY = "test-boundary-7f3a";

    private final TikTokSandbox tiktok = new TikTokSandbox();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private static List<String> hashes(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("%064x", i)).toList();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode upload(String calculateType, String file, String signature) {
        String form = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"advertiser_id\"\r\n\r\n" + ADVERTISER
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"calculate_type\"\r\n\r\n" + calculateType
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file_signature\"\r\n\r\n" + signature
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"buyers.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + file + "\r\n--" + BOUNDARY + "--\r\n";
        return Json.read(tiktok.send("POST", TikTokSandbox.api("dmp/custom_audience/file/upload"), TikTokSandbox.TOKEN,
                "multipart/form-data; boundary=" + BOUNDARY, form).body());
    }

    private String uploaded(List<String> hashes) {
        String file = String.join("\n", hashes);
        return upload("EMAIL_SHA256", file, md5(file)).at("/data/file_path").asText();
    }

    private String create(List<String> hashes) {
        return data(tiktok.post("dmp/custom_audience/create", "{\"advertiser_id\":\"" + ADVERTISER + "\","
                + "\"custom_audience_name\":\"Buyers\",\"calculate_type\":\"EMAIL_SHA256\",\"file_paths\":[\""
                + uploaded(hashes) + "\"]}")).path("custom_audience_id").asText();
    }

    private JsonNode update(String audienceId, String action, List<String> hashes) {
        return Json.read(tiktok.post("dmp/custom_audience/update", "{\"advertiser_id\":\"" + ADVERTISER + "\","
                + "\"custom_audience_id\":\"" + audienceId + "\",\"action\":\"" + action + "\",\"file_paths\":[\""
                + uploaded(hashes) + "\"]}").body());
    }

    @Test
    void answersAnUploadWithTheFilesPathAsTheFixtureDoes() {
        String file = String.join("\n", hashes(0, 3));

        JsonNode answer = upload("EMAIL_SHA256", file, md5(file));

        assertThat(shape(answer)).isEqualTo(shape(TikTokFixtures.read("tiktok-doc/dmp.file.upload.response.json")));
        assertThat(answer.at("/data/file_path").asText()).startsWith("ad-site-i18n-sg/").endsWith("buyers.txt");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a signature of other bytes   | EMAIL_SHA256 | 0000000000000000000000000000000f | | file_signature",
            "a plain address              | EMAIL_SHA256 |  | jane@example.com | Line 1",
            "an encryption type not simulated | EMAIL_MD5 |  | | calculate_type"
    })
    void refusesAFileItCannotTake(String why, String calculateType, String signature, String file, String named) {
        String content = file == null ? String.join("\n", hashes(0, 2)) : file;

        JsonNode answer = upload(calculateType, content, signature == null ? md5(content) : signature);

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains(named);
    }

    @Test
    void createsAnAudienceOfTheFilesLinesAsTheFixtureAnswers() {
        String audienceId = create(hashes(0, 100));

        assertThat(tiktok.state().audiences().find(audienceId)).hasValueSatisfying(audience ->
                assertThat(audience.accountId()).isEqualTo(ADVERTISER));
        assertThat(tiktok.state().audiences().members(audienceId)).containsExactlyInAnyOrderElementsOf(hashes(0, 100));
    }

    @Test
    void appendsRemovesAndReplacesMembers() {
        String audienceId = create(hashes(0, 100));

        assertThat(shape(update(audienceId, "APPEND", hashes(50, 2_000))))
                .isEqualTo(shape(TikTokFixtures.read("tiktok-doc/dmp.custom_audience.update.response.json")));
        assertThat(tiktok.state().audiences().members(audienceId)).hasSize(2_000);
        assertThat(update(audienceId, "REMOVE", hashes(0, 500)).path("code").asInt()).isZero();
        assertThat(tiktok.state().audiences().members(audienceId)).containsExactlyInAnyOrderElementsOf(hashes(500, 2_000));
        assertThat(update(audienceId, "REPLACE", hashes(3_000, 4_200)).path("code").asInt()).isZero();
        assertThat(tiktok.state().audiences().members(audienceId)).containsExactlyInAnyOrderElementsOf(hashes(3_000, 4_200));
    }

    @Test
    void refusesAnUpdateThatLeavesFewerThanAThousandMembers() {
        String audienceId = create(hashes(0, 1_200));

        JsonNode answer = update(audienceId, "REMOVE", hashes(0, 201));

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains("1000");
        assertThat(tiktok.state().audiences().members(audienceId)).hasSize(1_200);
    }

    @Test
    void refusesFilesOfAnotherEncryptionType() {
        String audienceId = create(hashes(0, 1_200));
        String file = String.join("\n", hashes(5_000, 5_010));
        String phones = upload("PHONE_SHA256", file, md5(file)).at("/data/file_path").asText();

        JsonNode answer = Json.read(tiktok.post("dmp/custom_audience/update", "{\"advertiser_id\":\"" + ADVERTISER
                + "\",\"custom_audience_id\":\"" + audienceId + "\",\"action\":\"APPEND\",\"file_paths\":[\"" + phones
                + "\"]}").body());

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(answer.path("message").asText()).contains("PHONE_SHA256");
    }

    @Test
    void reportsTheMatchedMembersAsCoverNumAsTheFixtureShows() {
        String audienceId = create(hashes(0, 1_500));

        JsonNode answer = Json.read(tiktok.get("dmp/custom_audience/get", Map.of("advertiser_id", ADVERTISER,
                "custom_audience_ids", "[\"" + audienceId + "\"]")).body());

        assertThat(shape(answer)).containsAllEntriesOf(
                shape(TikTokFixtures.read("tiktok-doc/dmp.custom_audience.get.response.json")));
        JsonNode details = answer.at("/data/list/0/audience_details");
        assertThat(details.path("audience_id").asText()).isEqualTo(audienceId);
        assertThat(details.path("cover_num").asLong()).isEqualTo(tiktok.state().audiences().matched(audienceId));
        assertThat(details.path("calculate_type").asText()).isEqualTo("EMAIL_SHA256");
    }

    @Test
    void knowsNoAudienceOfAnotherAdvertiser() {
        String other = tiktok.state().audiences().create("7009999999999999999", "Theirs").id();

        JsonNode answer = Json.read(tiktok.get("dmp/custom_audience/get", Map.of("advertiser_id", ADVERTISER,
                "custom_audience_ids", "[\"" + other + "\"]")).body());

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
    }
}
