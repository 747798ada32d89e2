package ai.stratum.sandbox.snapchat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer-list segments: created, filled and emptied in uploads, sized as Snap sizes them. */
class SnapchatSegmentsTest {

    private final SnapSandbox snap = new SnapSandbox();

    @AfterEach
    void close() {
        snap.close();
    }

    private String create() {
        JsonNode answer = SnapSandbox.json(snap.send("POST", "/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/segments",
                "{\"segments\":[{\"name\":\"Buyers\",\"source_type\":\"FIRST_PARTY\",\"retention_in_days\":180,"
                        + "\"ad_account_id\":\"" + SnapSandbox.ACCOUNT_ID + "\",\"description\":\"all buyers\"}]}"));
        assertThat(answer.at("/segments/0/segment/status").asText()).isEqualTo("PENDING");
        assertThat(answer.at("/segments/0/segment/approximate_number_users").asLong()).isZero();
        return answer.at("/segments/0/segment/id").asText();
    }

    private static List<String> hashes(int from, int to) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return IntStream.range(from, to).mapToObj(i -> HexFormat.of().formatHex(
                    sha256.digest(("user" + i + "@example.com").getBytes(StandardCharsets.UTF_8)))).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String users(List<String> hashes) {
        return "{\"users\":[{\"schema\":[\"EMAIL_SHA256\"],\"data\":["
                + hashes.stream().map(hash -> "[\"" + hash + "\"]").collect(Collectors.joining(",")) + "]}]}";
    }

    @Test
    void addsAndRemovesIdentifiersAndCountsWhatEachUploadHeld() {
        String segment = create();

        JsonNode added = SnapSandbox.json(snap.send("POST", "/v1/segments/" + segment + "/users", users(hashes(0, 1500))));
        JsonNode removed = SnapSandbox.json(snap.send("DELETE", "/v1/segments/" + segment + "/users", users(hashes(0, 300))));

        assertThat(added.at("/users/0/user/number_uploaded_users").asLong()).isEqualTo(1500);
        assertThat(removed.at("/users/0/user/number_uploaded_users").asLong()).isEqualTo(300);
        assertThat(snap.state().audiences().members(segment)).containsExactlyInAnyOrderElementsOf(hashes(300, 1500));
    }

    @Test
    void sizesTheSegmentByTheUsersItMatched() {
        String segment = create();
        snap.send("POST", "/v1/segments/" + segment + "/users", users(hashes(0, 2000)));

        JsonNode got = SnapSandbox.json(snap.get("/v1/segments/" + segment)).at("/segments/0/segment");

        assertThat(got.get("approximate_number_users").asLong()).isEqualTo(snap.state().audiences().matched(segment));
        assertThat(got.get("upload_status").asText()).isEqualTo("COMPLETE");
        assertThat(got.get("targetable_status").asText()).isEqualTo("READY");
        assertThat(got.get("retention_in_days").asInt()).isEqualTo(180);
        assertThat(got.get("description").asText()).isEqualTo("all buyers");
        assertThat(got.get("ad_account_id").asText()).isEqualTo(SnapSandbox.ACCOUNT_ID);
    }

    @Test
    void saysASegmentWithoutUploadsIsNotReady() {
        JsonNode got = SnapSandbox.json(snap.get("/v1/segments/" + create())).at("/segments/0/segment");

        assertThat(got.get("upload_status").asText()).isEqualTo("NO_UPLOAD");
        assertThat(got.get("targetable_status").asText()).isEqualTo("NOT_READY");
    }

    @Test
    void refusesIdentifiersThatAreNotSha256Digests() {
        HttpResponse<String> response = snap.send("POST", "/v1/segments/" + create() + "/users",
                users(List.of("someone@example.com")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains("SHA-256");
    }

    @Test
    void refusesAnUploadOfMoreThanAHundredThousandIdentifiers() {
        HttpResponse<String> response = snap.send("POST", "/v1/segments/" + create() + "/users",
                users(java.util.Collections.nCopies(100_001, hashes(0, 1).get(0))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains("100000");
    }

    @Test
    void answersAnUnknownSegmentWithSnapsNotFound() {
        assertThat(snap.get("/v1/segments/1234").statusCode()).isEqualTo(404);
        assertThat(snap.send("POST", "/v1/segments/1234/users", users(hashes(0, 1))).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesASegmentOfAnotherSourceType() {
        JsonNode answer = SnapSandbox.json(snap.send("POST", "/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/segments",
                "{\"segments\":[{\"name\":\"Site\",\"source_type\":\"PIXEL\",\"retention_in_days\":180,"
                        + "\"ad_account_id\":\"" + SnapSandbox.ACCOUNT_ID + "\"}]}"));

        assertThat(answer.get("request_status").asText()).isEqualTo("ERROR");
        assertThat(answer.at("/segments/0/sub_request_error_reason").asText()).contains("PIXEL");
        assertThat(snap.state().audiences().ids()).isEmpty();
    }
}
