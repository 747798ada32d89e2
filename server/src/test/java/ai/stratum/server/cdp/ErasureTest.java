package ai.stratum.server.cdp;

import ai.stratum.server.cdp.privacy.AudienceRemovals;
import ai.stratum.server.database.Database;
import ai.stratum.server.support.TrackingClient;
import ai.stratum.server.tenancy.TenantId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * eraseProfile: no personal data left in any column of any table, later events with the person's
 * identifiers acknowledged and dropped, platform audiences told on the next sync, idempotent, and
 * only for a TENANT_ADMIN.
 */
@MicronautTest(transactional = false)
class ErasureTest extends CdpIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERASE = "mutation($id: ID!) { eraseProfile(id: $id) }";
    private static final String ERASURES = "query($pending: Boolean) { erasures(pendingAudienceRemoval: $pending) { totalCount "
            + "edges { node { id profileIds erasedAt identifiers events audienceRemovalPending audiencesClearedAt } } } }";

    @Inject
    Database database;

    @Inject
    AudienceRemovals removals;

    @Test
    void erasureLeavesNoPersonalDataInAnyColumnOfAnyTable() {
        Tenant tenant = newTenant();
        Person erin = Person.random();
        Person bystander = Person.random();
        erin.sendHistory(tracking(), tenant);
        bystander.sendHistory(tracking(), tenant);
        String profile = (String) profileBy(tenant.analyst(), "USER_ID", erin.userId).get("id");
        tenant.analyst().execute("mutation($id: ID!) { setConsent(profileId: $id, consent: [{ purpose: EMAIL, granted: true }]) { id } }",
                Map.of("id", profile)).assertNoErrors();
        long identifiers = count("SELECT count(*) FROM cdp_identifiers WHERE tenant_id = ?::uuid AND profile_id = ?::uuid", tenant.id(), profile);
        assertThat(identifiers).isEqualTo(7);
        assertThat(tablesHolding(erin.secrets())).as("before erasure").contains("cdp_events", "cdp_profiles", "cdp_identifiers",
                "cdp_identity_edges", "cdp_merges");

        assertThat((Boolean) tenant.admin().execute(ERASE, Map.of("id", profile)).assertNoErrors().data("eraseProfile")).isTrue();

        assertThat(tablesHolding(erin.secrets())).as("tables still holding the erased person's data").isEmpty();
        assertThat(tablesHolding(bystander.secrets())).as("the bystander's data stays").contains("cdp_events", "cdp_profiles");
        assertThat(count("SELECT count(*) FROM cdp_profiles WHERE tenant_id = ?::uuid", tenant.id())).isEqualTo(1 + bystanderAliases(tenant));
        assertThat(count("SELECT count(*) FROM cdp_consent WHERE tenant_id = ?::uuid AND profile_id = ?::uuid", tenant.id(), profile)).isZero();
        assertThat(rows("SELECT identifiers, events, audiences_cleared_at FROM cdp_erasures WHERE tenant_id = ?::uuid", tenant.id()))
                .singleElement().satisfies(row -> {
                    assertThat(((Number) row.get(0)).intValue()).isEqualTo(identifiers);
                    assertThat(((Number) row.get(1)).longValue()).isEqualTo(5);
                    assertThat(row.get(2)).as("waiting for the next audience sync").isNull();
                });
        assertThat(count("SELECT count(*) FROM cdp_suppressions WHERE tenant_id = ?::uuid", tenant.id())).isEqualTo(identifiers);
        assertThat(rows("SELECT identifier_type, sha256 FROM cdp_audience_removals WHERE tenant_id = ?::uuid ORDER BY identifier_type, sha256",
                tenant.id())).extracting(row -> row.get(0) + ":" + row.get(1)).containsExactlyInAnyOrder(
                "EMAIL:" + sha256(erin.email.toLowerCase()), "PHONE:" + sha256(erin.phoneE164), "PHONE:" + sha256(erin.phoneE164.substring(1)));
        assertThat(rows("SELECT details::text, target_id FROM audit_events WHERE tenant_id = ?::uuid AND action = 'cdp.profile.erased'", tenant.id()))
                .singleElement().satisfies(row -> assertThat(row.get(1)).isEqualTo(profile));
    }

    @Test
    void laterEventsCarryingAnErasedIdentifierAreAcknowledgedAndDropped() {
        Tenant tenant = newTenant();
        Person erin = Person.random();
        String profile = historyOf(tenant, erin);
        tenant.admin().execute(ERASE, Map.of("id", profile)).assertNoErrors();

        String newDevice = id("anon");
        String stranger = id("stranger");
        TrackingClient.Response response = tracking().send(tenant.writeKey(), "batch", json(Map.of("batch", List.of(
                Map.of("type", "identify", "anonymousId", newDevice, "traits", Map.of("email", erin.email.toUpperCase(), "name", erin.name)),
                Map.of("type", "page", "anonymousId", erin.phoneDevice, "name", "Home"),
                Map.of("type", "alias", "previousId", erin.userId, "userId", id("new-user")),
                Map.of("type", "track", "anonymousId", stranger, "event", "Viewed")))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("success", true);
        assertThat(response.number("accepted")).isEqualTo(1);
        assertThat(response.number("suppressed")).isEqualTo(3);
        assertThat(tenant.analyst().execute("query($v: String!) { profileByIdentifier(type: EMAIL, value: $v) { id } }",
                Map.of("v", erin.email)).assertNoErrors().<Object>data("profileByIdentifier")).isNull();
        assertThat(tablesHolding(erin.secrets())).isEmpty();
        assertThat(tablesHolding(List.of(newDevice))).isEmpty();
        assertThat(profileBy(tenant.analyst(), "ANONYMOUS_ID", stranger)).isNotNull();

        var graphql = tenant.analyst().execute("mutation($e: [EventInput!]!) { ingestEvents(events: $e) { accepted suppressed duplicates } }",
                Map.of("e", List.of(Map.of("type", "TRACK", "userId", erin.userId, "event", "Viewed")))).assertNoErrors();
        assertThat((Map<String, Object>) graphql.data("ingestEvents")).containsEntry("accepted", 0).containsEntry("suppressed", 1);
    }

    @Test
    void erasingIsIdempotentAlsoThroughAMergedIdAndUnknownIdsAreNotFound() {
        Tenant tenant = newTenant();
        Person erin = Person.random();
        erin.sendHistory(tracking(), tenant);
        Map<String, Object> live = profileBy(tenant.analyst(), "USER_ID", erin.userId);
        List<String> merged = (List<String>) live.get("mergedIds");
        assertThat(merged).isNotEmpty();

        assertThat((Boolean) tenant.admin().execute(ERASE, Map.of("id", merged.get(0))).assertNoErrors().data("eraseProfile")).isTrue();
        assertThat(count("SELECT count(*) FROM cdp_profiles WHERE tenant_id = ?::uuid", tenant.id())).isZero();
        assertThat((Boolean) tenant.admin().execute(ERASE, Map.of("id", live.get("id"))).assertNoErrors().data("eraseProfile")).isTrue();
        assertThat((Boolean) tenant.admin().execute(ERASE, Map.of("id", merged.get(0))).assertNoErrors().data("eraseProfile")).isTrue();
        assertThat(count("SELECT count(*) FROM cdp_erasures WHERE tenant_id = ?::uuid", tenant.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE tenant_id = ?::uuid AND action = 'cdp.profile.erased'", tenant.id()))
                .isEqualTo(1);

        assertThat(tenant.admin().execute(ERASE, Map.of("id", UUID.randomUUID().toString())).errorCode()).isEqualTo("NOT_FOUND");
        var malformed = tenant.admin().execute(ERASE, Map.of("id", "erin"));
        assertThat(malformed.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<String, Object>) malformed.errors().get(0).get("extensions")).get("field")).isEqualTo("id");
    }

    @Test
    void theNextAudienceSyncFindsTheErasureAndMarksItCleared() {
        Tenant tenant = newTenant();
        Person erin = Person.random();
        String profile = historyOf(tenant, erin);
        tenant.admin().execute(ERASE, Map.of("id", profile)).assertNoErrors();
        TenantId tenantId = new TenantId(tenant.uuid());

        Map<String, Object> pending = tenant.admin().execute(ERASURES, Map.of("pending", true)).assertNoErrors().data("erasures");
        assertThat(pending).containsEntry("totalCount", 1);
        Map<String, Object> erasure = (Map<String, Object>) ((List<Map<String, Object>>) pending.get("edges")).get(0).get("node");
        assertThat(erasure).containsEntry("audienceRemovalPending", true).containsEntry("audiencesClearedAt", null)
                .containsEntry("events", 5);
        assertThat((List<String>) erasure.get("profileIds")).contains(profile);
        List<AudienceRemovals.Pending> owed = database.inTenant(tenantId, connection -> removals.pending(connection, tenantId))
                .collectList().block();
        assertThat(owed).extracting(AudienceRemovals.Pending::identifierType).containsExactly("EMAIL", "PHONE", "PHONE");
        assertThat(owed).allSatisfy(removal -> assertThat(removal.erasureId().toString()).isEqualTo(erasure.get("id")));

        // no audience of the tenant holds the hashes: the first settling clears the erasure, a second finds nothing
        assertThat(database.inTenantOne(tenantId, connection -> removals.settle(connection, tenantId, Instant.now())).block()).isEqualTo(1);
        assertThat(database.inTenantOne(tenantId, connection -> removals.settle(connection, tenantId, Instant.now())).block()).isZero();

        assertThat(database.inTenant(tenantId, connection -> removals.pending(connection, tenantId)).collectList().block()).isEmpty();
        assertThat((Integer) tenant.admin().execute(ERASURES, Map.of("pending", true)).assertNoErrors().data("erasures.totalCount")).isZero();
        Map<String, Object> done = tenant.admin().execute(ERASURES, Map.of("pending", false)).assertNoErrors().data("erasures");
        assertThat(done).containsEntry("totalCount", 1);
        assertThat(count("SELECT count(*) FROM cdp_audience_removals WHERE tenant_id = ?::uuid", tenant.id())).isZero();
        assertThat(tenant.analyst().execute(ERASURES, Map.of("pending", true)).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void onlyATenantAdminErasesOrExports() {
        Tenant tenant = newTenant();
        Person erin = Person.random();
        String profile = historyOf(tenant, erin);

        for (var client : List.of(tenant.buyer(), tenant.analyst(), tenant.viewer())) {
            assertThat(client.execute(ERASE, Map.of("id", profile)).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(client.execute("query($id: ID!) { exportProfile(id: $id) }", Map.of("id", profile)).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(profileBy(tenant.analyst(), "USER_ID", erin.userId)).containsEntry("id", profile);
        assertThat(tablesHolding(erin.secrets())).contains("cdp_events");
    }

    @Test
    void anotherTenantsAdminCannotEraseOrExportThePerson() {
        Tenant tenant = newTenant();
        Tenant other = newTenant();
        Person erin = Person.random();
        String profile = historyOf(tenant, erin);

        assertThat(other.admin().execute(ERASE, Map.of("id", profile)).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(other.admin().execute("query($id: ID!) { exportProfile(id: $id) }", Map.of("id", profile)).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(profileBy(tenant.analyst(), "USER_ID", erin.userId)).containsEntry("id", profile);
    }

    @Test
    void exportHoldsEverythingStoredAboutThePerson() {
        Tenant tenant = newTenant();
        Person erin = Person.random();
        erin.sendHistory(tracking(), tenant);
        Map<String, Object> live = profileBy(tenant.analyst(), "USER_ID", erin.userId);
        tenant.analyst().execute("mutation($id: ID!) { setConsent(profileId: $id, consent: [{ purpose: SMS, granted: false }]) { id } }",
                Map.of("id", live.get("id"))).assertNoErrors();
        String alias = ((List<String>) live.get("mergedIds")).get(0);

        Map<String, Object> export = tenant.admin().execute("query($id: ID!) { exportProfile(id: $id) }", Map.of("id", alias))
                .assertNoErrors().data("exportProfile");

        assertThat(export).containsEntry("profileId", live.get("id"));
        assertThat((List<String>) export.get("profileIds")).containsExactlyInAnyOrder((String) live.get("id"), alias);
        Map<String, List<Map<String, Object>>> tables = (Map<String, List<Map<String, Object>>>) export.get("tables");
        assertThat(tables.get("cdp_profiles")).hasSize(2);
        assertThat(tables.get("cdp_events")).hasSize(5);
        assertThat(tables.get("cdp_identifiers")).extracting(row -> row.get("type") + ":" + row.get("value")).contains(
                "EMAIL:" + erin.email.toLowerCase(), "PHONE:" + erin.phoneE164, "USER_ID:" + erin.userId, "ANONYMOUS_ID:" + erin.laptop);
        assertThat(tables.get("cdp_identity_edges")).isNotEmpty();
        assertThat(tables.get("cdp_merges")).isNotEmpty();
        assertThat(tables.get("cdp_consent")).singleElement().satisfies(row -> assertThat(row).containsEntry("purpose", "SMS")
                .containsEntry("granted", false));
        assertThat(tables.values()).allSatisfy(rows -> assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContainKey("tenant_id")));
        assertThat(JSON.valueToTree(export).toString()).contains(erin.name, erin.ip, erin.street);
        assertThat(count("SELECT count(*) FROM audit_events WHERE tenant_id = ?::uuid AND action = 'cdp.profile.exported' AND target_id = ?",
                tenant.id(), live.get("id"))).isEqualTo(1);
        assertThat(tenant.admin().execute("query($id: ID!) { exportProfile(id: $id) }", Map.of("id", UUID.randomUUID().toString()))
                .errorCode()).isEqualTo("NOT_FOUND");
    }

    /**
     * The tables in which any row, read as text with every column, contains one of {@code needles}
     * (case-insensitively): every table of the schema, every column, whichever tenant.
     */
    private static List<String> tablesHolding(List<String> needles) {
        List<String> found = new ArrayList<>();
        for (List<Object> table : rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            String name = (String) table.get(0);
            String[] patterns = needles.stream().map(needle -> "%" + needle.replace("%", "\\%").replace("_", "\\_") + "%").toArray(String[]::new);
            if (count("SELECT count(*) FROM \"" + name + "\" t WHERE t::text ILIKE ANY (?)", (Object) patterns) > 0) {
                found.add(name);
            }
        }
        return found;
    }

    /** Sends the person's history and returns their profile's id. */
    private String historyOf(Tenant tenant, Person person) {
        person.sendHistory(tracking(), tenant);
        return (String) profileBy(tenant.analyst(), "USER_ID", person.userId).get("id");
    }

    private long bystanderAliases(Tenant tenant) {
        return count("SELECT count(*) FROM cdp_profiles WHERE tenant_id = ?::uuid AND merged_into IS NOT NULL", tenant.id());
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person with identifiers and traits no other test shares. */
    private record Person(String userId, String laptop, String phoneDevice, String email, String phoneRaw, String phoneE164, String name,
                          String ip, String street, String hubspotId, String gclid) {

        static Person random() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            int digits = 1000 + new Random().nextInt(9000);
            int octet = 1 + new Random().nextInt(250);
            return new Person("user-" + tag, "laptop-" + tag, "phone-" + tag, "Erin.Example." + tag + "@Example.com",
                    "+44 20 7946 " + digits, "+44207946" + digits, "Erin Quillfeather" + tag, "198.51." + octet + "." + (digits % 250),
                    tag + " Privacy Lane", "crm-" + tag, "gclid" + tag);
        }

        /** Browsing on a laptop, signing in there with traits, an order, then a phone linked by an alias call: 5 events, one merge. */
        void sendHistory(TrackingClient tracking, Tenant tenant) {
            Map<String, Object> context = Map.of("ip", ip, "traits", Map.of("name", name),
                    "externalIds", List.of(Map.of("id", hubspotId, "type", "hubspot_id", "collection", "users", "encoding", "none")),
                    "page", Map.of("url", "https://shop.example/landing?gclid=" + gclid));
            TrackingClient.Response response = tracking.send(tenant.writeKey(), "batch", json(Map.of("batch", List.of(
                    Map.of("type", "page", "anonymousId", laptop, "name", "Landing", "context", context, "timestamp", "2026-11-01T10:00:00Z"),
                    Map.of("type", "identify", "anonymousId", laptop, "userId", userId, "timestamp", "2026-11-01T10:05:00Z",
                            "traits", Map.of("email", email, "phone", phoneRaw, "name", name, "address", Map.of("street", street)),
                            "context", Map.of("ip", ip)),
                    Map.of("type", "track", "userId", userId, "event", "Order Completed", "timestamp", "2026-11-01T10:10:00Z",
                            "properties", Map.of("revenue", 25, "currency", "EUR", "shipping_address", street), "context", Map.of("ip", ip)),
                    Map.of("type", "page", "anonymousId", phoneDevice, "name", "Home", "timestamp", "2026-11-02T07:59:00Z"),
                    Map.of("type", "alias", "previousId", phoneDevice, "userId", userId, "timestamp", "2026-11-02T08:00:00Z")))));
            assertThat(response.number("accepted")).as(response.body().toString()).isEqualTo(5);
        }

        List<String> secrets() {
            return List.of(userId, laptop, phoneDevice, email, phoneRaw, phoneE164, name, ip, street, hubspotId, gclid);
        }
    }
}
