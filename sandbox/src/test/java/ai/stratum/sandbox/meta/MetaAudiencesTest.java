package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer-list audiences: create, add and remove hashed members, and Meta's size range. */
class MetaAudiencesTest {

    private final MetaApi meta = new MetaApi(2);

    @AfterEach
    void close() {
        meta.close();
    }

    private static List<String> hashes(int from, int to) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return IntStream.range(from, to).mapToObj(i -> HexFormat.of().formatHex(
                    sha256.digest(("person" + i + "@example.com").getBytes(StandardCharsets.UTF_8)))).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(String schema, List<String> entries) {
        ArrayNode data = Json.array();
        entries.forEach(data::add);
        return Json.write(Json.object().put("schema", schema).set("data", data));
    }

    private String create() {
        return meta.post("act_1001/customaudiences", "name", "Buyers", "subtype", "CUSTOM",
                "customer_file_source", "USER_PROVIDED_ONLY", "description", "kept in step").json().get("id").asText();
    }

    @Test
    void createsAnAudienceForTheAccount() {
        String id = create();

        assertThat(meta.state().audiences().find(id)).hasValueSatisfying(audience -> {
            assertThat(audience.accountId()).isEqualTo(MetaApi.ACCOUNT);
            assertThat(audience.name()).isEqualTo("Buyers");
        });
        assertThat(meta.get("act_1001/customaudiences", "fields", "name").json().at("/data/0").toString())
                .isEqualTo("{\"name\":\"Buyers\",\"id\":\"" + id + "\"}");
    }

    @Test
    void addsAndRemovesMembersAndCountsWhatItReceived() {
        String id = create();

        JsonNode added = meta.post(id + "/users", "payload", payload("EMAIL_SHA256", hashes(0, 300))).json();
        JsonNode removed = meta.delete(id + "/users", "payload", payload("EMAIL_SHA256", hashes(0, 100))).json();

        assertThat(added.get("audience_id").asText()).isEqualTo(id);
        assertThat(added.get("session_id").isTextual()).isTrue();
        assertThat(added.get("num_received").asInt()).isEqualTo(300);
        assertThat(added.get("num_invalid_entries").asInt()).isZero();
        assertThat(removed.get("num_received").asInt()).isEqualTo(100);
        assertThat(meta.state().audiences().members(id)).containsExactlyInAnyOrderElementsOf(hashes(100, 300));
    }

    @Test
    void anEntryThatIsNotAHashIsCountedInvalidAndNotAdded() {
        String id = create();

        JsonNode answer = meta.post(id + "/users", "payload",
                payload("EMAIL_SHA256", List.of(hashes(0, 1).get(0), "jane@example.com", "ABC"))).json();

        assertThat(answer.get("num_received").asInt()).isEqualTo(3);
        assertThat(answer.get("num_invalid_entries").asInt()).isEqualTo(2);
        assertThat(answer.get("invalid_entry_samples").has("jane@example.com")).isTrue();
        assertThat(meta.state().audiences().members(id)).containsExactly(hashes(0, 1).get(0));
    }

    @Test
    void theSizeRangeRunsFromTheMatchedToTheUploaded() {
        String id = create();
        meta.post(id + "/users", "payload", payload("EMAIL_SHA256", hashes(0, 500)));

        JsonNode audience = meta.get(id, "fields",
                "approximate_count_lower_bound,approximate_count_upper_bound,operation_status").json();

        assertThat(audience.get("approximate_count_lower_bound").asLong()).isEqualTo(meta.state().audiences().matched(id));
        assertThat(audience.get("approximate_count_upper_bound").asLong()).isEqualTo(500);
        assertThat(audience.get("approximate_count_lower_bound").isNumber()).isTrue();
        assertThat(audience.get("operation_status").toString()).isEqualTo("{\"code\":200,\"description\":\"Normal\"}");
    }

    @Test
    void refusesMoreThanTenThousandEntriesInOneCall() {
        String id = create();

        MetaApi.Reply reply = meta.post(id + "/users", "payload", payload("EMAIL_SHA256", hashes(0, 10_001)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asInt()).isEqualTo(100);
        assertThat(meta.state().audiences().members(id)).isEmpty();
    }

    @Test
    void refusesWhatMetaWouldRefuse() {
        String id = create();

        assertThat(meta.post("act_1001/customaudiences", "subtype", "CUSTOM").error().get("message").asText())
                .isEqualTo("(#100) The parameter name is required");
        assertThat(meta.post("act_1001/customaudiences", "name", "Look", "subtype", "LOOKALIKE",
                "customer_file_source", "USER_PROVIDED_ONLY").error().get("code").asInt()).isEqualTo(100);
        assertThat(meta.post(id + "/users", "payload", payload("SHOE_SIZE", hashes(0, 1))).status()).isEqualTo(400);
        assertThat(meta.post(id + "/users", "payload", "not json").status()).isEqualTo(400);
        assertThat(meta.post(id + "/users").error().get("message").asText())
                .isEqualTo("(#100) The parameter payload is required");
        assertThat(meta.delete("238999/users", "payload", payload("EMAIL_SHA256", hashes(0, 1))).error()
                .get("error_subcode").asInt()).isEqualTo(33);
    }
}
