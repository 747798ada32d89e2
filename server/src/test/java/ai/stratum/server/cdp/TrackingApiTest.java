package ai.stratum.server.cdp;

import ai.stratum.server.support.TrackingClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Segment-compatible HTTP tracking API, driven with payloads shaped as the Segment spec and SDKs send them. */
@MicronautTest(transactional = false)
class TrackingApiTest extends CdpIntegrationTest {

    private Tenant tenant;
    private TrackingClient tracking;

    @BeforeAll
    void aTenantWithASource() {
        tenant = newTenant();
        tracking = tracking();
    }

    @Test
    void storesABatchOfEveryCallTypeAndAnswersAsSegmentDoes() {
        String user = id("user");
        String anon = id("anon");
        String batch = """
                {"batch": [
                  {"type": "identify", "messageId": "%1$s-1", "userId": "%2$s", "anonymousId": "%3$s",
                   "traits": {"email": "Jake@Example.com", "name": "Jake Peterson", "age": 26}, "timestamp": "2026-11-30T10:00:00.000Z"},
                  {"type": "track", "messageId": "%1$s-2", "userId": "%2$s", "event": "Song Played",
                   "properties": {"name": "Fallin for You", "artist": "Dierks Bentley"}, "timestamp": "2026-11-30T10:00:01.000Z"},
                  {"type": "page", "messageId": "%1$s-3", "anonymousId": "%3$s", "name": "Home",
                   "properties": {"url": "https://shop.example/"}, "timestamp": "2026-11-30T10:00:02.000Z"},
                  {"type": "screen", "messageId": "%1$s-4", "userId": "%2$s", "name": "Settings", "timestamp": "2026-11-30T10:00:03.000Z"},
                  {"type": "group", "messageId": "%1$s-5", "userId": "%2$s", "groupId": "8e9df332ac",
                   "traits": {"name": "Initech", "employees": 420}, "timestamp": "2026-11-30T10:00:04.000Z"},
                  {"type": "alias", "messageId": "%1$s-6", "userId": "%2$s", "previousId": "%3$s", "timestamp": "2026-11-30T10:00:05.000Z"}
                ],
                "context": {"device": {"type": "phone", "name": "Apple iPhone 6"}, "library": {"name": "analytics-node", "version": "2.1.0"}},
                "integrations": {"All": true, "Salesforce": false}}
                """.formatted(id("m"), user, anon);

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", batch);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("success", true).containsEntry("accepted", 6).containsEntry("rejected", 0);
        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(profile.get("eventCount")).isEqualTo(6);
        List<Map<String, Object>> events = events(tenant.analyst(), (String) profile.get("id"));
        assertThat(events).extracting(event -> event.get("type"))
                .containsExactly("ALIAS", "GROUP", "SCREEN", "PAGE", "TRACK", "IDENTIFY");
        assertThat(events).allSatisfy(event -> {
            assertThat((Map<String, Object>) event.get("context")).containsKeys("device", "library");
            assertThat((Map<String, Object>) event.get("integrations")).containsEntry("Salesforce", false);
            assertThat(event.get("sourceId")).isEqualTo(tenant.sourceId());
        });
        assertThat(((Map<String, Object>) profile.get("traits"))).containsEntry("email", "Jake@Example.com").containsEntry("age", 26)
                .doesNotContainKey("employees");
    }

    @ParameterizedTest(name = "/v1/{0} stores a {1}")
    @CsvSource({"track, TRACK", "t, TRACK", "identify, IDENTIFY", "i, IDENTIFY", "page, PAGE", "p, PAGE", "screen, SCREEN",
            "s, SCREEN", "group, GROUP", "g, GROUP", "alias, ALIAS", "a, ALIAS"})
    void eachSingleCallEndpointStoresItsType(String path, String type) {
        String user = id("user");
        String body = """
                {"userId": "%s", "previousId": "%s", "groupId": "g1", "event": "Clicked", "name": "Home"}
                """.formatted(user, id("previous"));

        TrackingClient.Response response = tracking.send(tenant.writeKey(), path, body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("success", true).containsEntry("accepted", 1);
        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(events(tenant.analyst(), (String) profile.get("id"))).extracting(event -> event.get("type")).containsExactly(type);
    }

    @Test
    void acceptsAnalyticsJsShapeWriteKeyInTheBodyAsTextPlainAndTheBatchSentAt() {
        String anon = id("anon");
        String body = """
                {"writeKey": "%s", "sentAt": "2026-12-01T09:00:05.000Z",
                 "batch": [{"type": "page", "anonymousId": "%s", "timestamp": "2026-12-01T09:00:00.000Z",
                            "properties": {"title": "Home"}, "context": {"page": {"url": "https://shop.example/?gclid=G-%s"}},
                            "writeKey": "%s", "_metadata": {"bundled": ["Segment.io"]}}]}
                """.formatted(tenant.writeKey(), anon, anon, tenant.writeKey());
        Instant before = Instant.now();

        TrackingClient.Response response = tracking.post("b", body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> profile = profileBy(tenant.analyst(), "ANONYMOUS_ID", anon);
        Map<String, Object> event = events(tenant.analyst(), (String) profile.get("id")).get(0);
        // the device's clock is hours behind; the event happened 5 s before the batch was sent, and the batch arrived now
        Instant corrected = Instant.parse((String) event.get("timestamp"));
        Instant received = Instant.parse((String) event.get("receivedAt"));
        assertThat(Duration.between(corrected, received)).isEqualTo(Duration.ofSeconds(5));
        assertThat(received).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(event.get("originalTimestamp")).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(event.get("sentAt")).isEqualTo("2026-12-01T09:00:05Z");
        assertThat((List<Map<String, Object>>) profile.get("identifiers")).extracting(identifier -> identifier.get("value"))
                .contains("gclid:G-" + anon);
        assertThat(rows("SELECT 1 FROM cdp_events WHERE tenant_id = ? AND (properties::text LIKE ? OR context::text LIKE ?)",
                tenant.uuid(), "%" + tenant.writeKey() + "%", "%" + tenant.writeKey() + "%")).isEmpty();
    }

    @Test
    void anAcknowledgedEventIsAlreadyInPostgres() {
        String messageId = id("durable");

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "track",
                "{\"messageId\": \"" + messageId + "\", \"anonymousId\": \"" + id("a") + "\", \"event\": \"Viewed\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND message_id = ?", tenant.uuid(), messageId)).isEqualTo(1);
    }

    @Test
    void storesTheGoodEventsOfABatchAndNamesEachBadOne() {
        String user = id("user");
        String batch = """
                {"batch": [
                  {"type": "track", "messageId": "%1$s-ok-1", "userId": "%2$s", "event": "Viewed"},
                  {"type": "track", "messageId": "%1$s-bad-1", "userId": "%2$s"},
                  {"type": "launch", "messageId": "%1$s-bad-2", "userId": "%2$s"},
                  "not an event",
                  {"type": "identify", "messageId": "%1$s-bad-3"},
                  {"type": "page", "messageId": "%1$s-ok-2", "userId": "%2$s", "timestamp": "2026-12-01T10:00:00Z"}
                ]}
                """.formatted(id("m"), user);

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", batch);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("success", false).containsEntry("accepted", 2).containsEntry("rejected", 4);
        assertThat(response.errors()).extracting(error -> error.get("index"), error -> error.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "event"), org.assertj.core.groups.Tuple.tuple(2, "type"),
                        org.assertj.core.groups.Tuple.tuple(3, null), org.assertj.core.groups.Tuple.tuple(4, "userId"));
        assertThat(response.errors().get(0).get("messageId")).asString().endsWith("-bad-1");
        assertThat(profileBy(tenant.analyst(), "USER_ID", user).get("eventCount")).isEqualTo(2);
    }

    @Test
    void valuesPostgresCannotStoreFailOnlyTheirOwnEvent() {
        String user = id("user");
        String batch = """
                {"batch": [
                  {"type": "track", "userId": "%1$s", "event": "Nul", "properties": {"note": "a\\u0000b"}},
                  {"type": "track", "userId": "%1$s", "event": "Huge", "properties": {"n": 1e400}},
                  {"type": "track", "userId": "%1$s", "event": "Fine", "properties": {"emoji": "\\ud83d\\ude00", "n": 1e300}}
                ]}
                """.formatted(user);

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", batch);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("accepted", 1).containsEntry("rejected", 2);
        assertThat(response.errors()).extracting(error -> error.get("field")).containsExactly("properties.note", "properties.n");
        Map<String, Object> stored = events(tenant.analyst(), (String) profileBy(tenant.analyst(), "USER_ID", user).get("id")).get(0);
        assertThat((Map<String, Object>) stored.get("properties")).containsEntry("emoji", "\ud83d\ude00");
    }

    @Test
    void aResentEventIsStoredOnce() {
        String user = id("user");
        String messageId = id("m");
        String batch = "{\"batch\": [{\"type\": \"track\", \"messageId\": \"" + messageId + "\", \"userId\": \"" + user
                + "\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": 10}}]}";

        TrackingClient.Response first = tracking.send(tenant.writeKey(), "batch", batch);
        TrackingClient.Response again = tracking.send(tenant.writeKey(), "batch", batch);
        TrackingClient.Response single = tracking.send(tenant.writeKey(), "track",
                "{\"messageId\": \"" + messageId + "\", \"userId\": \"" + user + "\", \"event\": \"Order Completed\"}");

        assertThat(first.body()).containsEntry("accepted", 1).containsEntry("duplicates", 0);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).containsEntry("success", true).containsEntry("accepted", 0).containsEntry("duplicates", 1);
        assertThat(single.body()).containsEntry("accepted", 0).containsEntry("duplicates", 1);
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND message_id = ?", tenant.uuid(), messageId)).isEqualTo(1);
        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(profile.get("eventCount")).isEqualTo(1);
        assertThat(profile.get("orderCount")).isEqualTo(1);
    }

    @Test
    void theSameMessageIdTwiceInOneBatchIsOneEvent() {
        String user = id("user");
        String event = "{\"type\": \"track\", \"messageId\": \"twice\", \"userId\": \"" + user + "\", \"event\": \"Viewed\"}";

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", "{\"batch\": [" + event + "," + event + "]}");

        assertThat(response.body()).containsEntry("accepted", 1).containsEntry("duplicates", 1).containsEntry("success", true);
    }

    @Test
    void theSameMessageIdFromAnotherSourceIsAnotherEvent() {
        String otherKey = tenant.admin().execute("mutation { createSource(input: { name: \"App\" }) { writeKey } }")
                .assertNoErrors().data("createSource.writeKey");
        String user = id("user");
        String event = "{\"messageId\": \"shared-id\", \"userId\": \"" + user + "\", \"event\": \"Viewed\"}";

        tracking.send(tenant.writeKey(), "track", event);
        TrackingClient.Response other = tracking.send(otherKey, "track", event);

        assertThat(other.body()).containsEntry("accepted", 1);
        assertThat(profileBy(tenant.analyst(), "USER_ID", user).get("eventCount")).isEqualTo(2);
    }

    @Test
    void refusesABatchBodyOverTheLimitNamingIt() {
        String padding = "x".repeat(600 * 1024);
        String batch = "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", \"event\": \"Big\", \"properties\": {\"p\": \"" + padding + "\"}}]}";

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", batch);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).containsEntry("success", false);
        assertThat((String) response.body().get("message")).contains("512000 bytes").contains("STRATUM_CDP_MAX_BATCH_BYTES");
    }

    @Test
    void refusesASingleEventOverThe32KbLimit() {
        String body = "{\"userId\": \"u\", \"event\": \"Big\", \"properties\": {\"p\": \"" + "x".repeat(33 * 1024) + "\"}}";

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "track", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat((String) response.body().get("message")).contains("32768 bytes").contains("STRATUM_CDP_MAX_EVENT_BYTES");
    }

    @Test
    void aBatchItemOverThe32KbLimitIsRefusedAloneWhileTheOthersAreStored() {
        String user = id("user");
        String batch = "{\"batch\": [{\"type\": \"track\", \"userId\": \"" + user + "\", \"event\": \"Big\", \"properties\": {\"p\": \""
                + "x".repeat(33 * 1024) + "\"}}, {\"type\": \"track\", \"userId\": \"" + user + "\", \"event\": \"Small\"}]}";

        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", batch);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("accepted", 1).containsEntry("rejected", 1);
        assertThat((String) response.errors().get(0).get("message")).contains("32768 bytes per event");
    }

    @Test
    void refusesMoreEventsThanABatchMayHold() {
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 2501; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"page\",\"userId\":\"u\"}");
        }
        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", batch.append("]}").toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat((String) response.body().get("message")).contains("2501 events exceed the limit of 2500")
                .contains("STRATUM_CDP_MAX_BATCH_EVENTS");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "'{not json'                                  | batch | not valid JSON",
            "'[1, 2]'                                     | batch | must be a JSON object",
            "''                                           | track | body is empty",
            "'{\"events\": []}'                           | batch | events in 'batch'",
            "'{\"batch\": {}}'                            | batch | events in 'batch'",
            "'{\"batch\": [], \"sentAt\": \"soon\"}'      | batch | sentAt must be an ISO-8601",
            "'{\"batch\": [], \"context\": [1]}'          | batch | context must be a JSON object"})
    void refusesABodyOfTheWrongShapeWith400(String body, String call, String message) {
        TrackingClient.Response response = tracking.send(tenant.writeKey(), call, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).containsEntry("success", false).containsEntry("code", "BAD_USER_INPUT");
        assertThat((String) response.body().get("message")).contains(message);
    }

    @Test
    void anUnknownCallIsNotFound() {
        TrackingClient.Response response = tracking.send(tenant.writeKey(), "purchase", "{\"userId\": \"u\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat((String) response.body().get("message")).contains("/v1/purchase");
    }

    @Test
    void anEmptyBatchIsFine() {
        TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", "{\"batch\": []}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("success", true).containsEntry("accepted", 0);
    }

    @Test
    void refusesAMissingWriteKey() {
        TrackingClient.Response response = tracking.post("track", "{\"userId\": \"u\", \"event\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).containsEntry("code", "UNAUTHENTICATED");
        assertThat((String) response.body().get("message")).contains("write key is required");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong key                 | wk_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "not a write key at all    | abc123",
            "an API key's shape        | stratum_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesAWrongWriteKey(String what, String key) {
        TrackingClient.Response response = tracking.send(key, "track", "{\"userId\": \"u\", \"event\": \"x\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat((String) response.body().get("message")).isEqualTo("The write key is invalid or has been revoked");
    }

    @Test
    void refusesAWriteKeyWithTheRightLookupButAnotherSecret() {
        String forged = tenant.writeKey().substring(0, tenant.writeKey().lastIndexOf('_') + 1) + "A".repeat(43);

        assertThat(tracking.send(forged, "track", "{\"userId\": \"u\", \"event\": \"x\"}").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Bearer some-token", "Basic !!!not-base64!!!", "Digest x"})
    void refusesAnAuthorizationThatIsNotBasic(String authorization) {
        TrackingClient.Response response = tracking.post("track", "{\"userId\": \"u\", \"event\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", authorization));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void readsAWriteKeyEncodedWithoutItsColon() {
        String authorization = "basic " + java.util.Base64.getEncoder().encodeToString(tenant.writeKey().getBytes(StandardCharsets.UTF_8));

        TrackingClient.Response response = tracking.post("track", ("{\"userId\": \"" + id("u") + "\", \"event\": \"x\"}")
                .getBytes(StandardCharsets.UTF_8), Map.of("Authorization", authorization));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aRevokedSourcesKeyIsRefusedAndItsEventsStay() {
        var created = tenant.admin().execute("mutation { createSource(input: { name: \"Old app\" }) { id writeKey } }").assertNoErrors();
        String key = created.data("createSource.writeKey");
        String user = id("user");
        assertThat(tracking.send(key, "track", "{\"userId\": \"" + user + "\", \"event\": \"x\"}").status()).isEqualTo(200);

        var revoked = tenant.admin().execute("mutation($id: ID!) { revokeSource(id: $id) { id revokedAt writeKey } }",
                Map.of("id", created.data("createSource.id"))).assertNoErrors();
        TrackingClient.Response after = tracking.send(key, "track", "{\"userId\": \"" + user + "\", \"event\": \"y\"}");

        assertThat((String) revoked.data("revokeSource.revokedAt")).isNotNull();
        assertThat((String) revoked.data("revokeSource.writeKey")).isNull();
        assertThat(after.status()).isEqualTo(401);
        assertThat(profileBy(tenant.analyst(), "USER_ID", user).get("eventCount")).isEqualTo(1);
    }

    @Test
    void answersABrowsersPreflightAndAllowsAnyOriginWithoutCredentials() {
        TrackingClient.Response preflight = tracking.options("batch", Map.of("Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"));
        TrackingClient.Response post = tracking.post("batch", "{\"batch\": []}".getBytes(StandardCharsets.UTF_8), Map.of(
                "Authorization", TrackingClient.basic(tenant.writeKey()), "Origin", "https://shop.example"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
    }

    @Test
    void crossOriginRequestsStayClosedOutsideTheTrackingApi() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/graphql"))
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void readsAGzippedBody() throws IOException {
        String user = id("user");
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(("{\"batch\": [{\"type\": \"track\", \"userId\": \"" + user + "\", \"event\": \"Zipped\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        TrackingClient.Response response = tracking.post("batch", compressed.toByteArray(), Map.of(
                "Authorization", TrackingClient.basic(tenant.writeKey()), "Content-Type", "application/json", "Content-Encoding", "gzip"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("accepted", 1);
    }

    @Test
    void aFailedCommitIsNotAcknowledgedAndTheRetryIsStored() {
        String user = id("user");
        String poison = id("poison");
        execute("CREATE FUNCTION " + poison.replace('-', '_') + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.message_id = '" + poison + "' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + poison.replace('-', '_') + " BEFORE INSERT ON cdp_events FOR EACH ROW EXECUTE FUNCTION "
                + poison.replace('-', '_') + "()");
        String batch = "{\"batch\": [{\"type\": \"track\", \"messageId\": \"" + id("good") + "\", \"userId\": \"" + user
                + "\", \"event\": \"A\"}, {\"type\": \"track\", \"messageId\": \"" + poison + "\", \"userId\": \"" + user + "\", \"event\": \"B\"}]}";
        TrackingClient.Response failed;
        try {
            failed = tracking.send(tenant.writeKey(), "batch", batch);
        } finally {
            execute("DROP TRIGGER " + poison.replace('-', '_') + " ON cdp_events");
        }

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).containsEntry("success", false).containsEntry("code", "UNAVAILABLE");
        assertThat((String) failed.body().get("message")).doesNotContain("disk full");
        assertThat(count("SELECT count(*) FROM cdp_identifiers WHERE tenant_id = ? AND value = ?", tenant.uuid(), user)).isZero();
        TrackingClient.Response retried = tracking.send(tenant.writeKey(), "batch", batch);
        assertThat(retried.body()).containsEntry("accepted", 2);
        assertThat(profileBy(tenant.analyst(), "USER_ID", user).get("eventCount")).isEqualTo(2);
    }
}
