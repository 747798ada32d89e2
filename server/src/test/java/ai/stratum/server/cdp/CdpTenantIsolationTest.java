package ai.stratum.server.cdp;

import ai.stratum.server.support.ApplicationRole;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ai.stratum.server.support.ApplicationRole.column;
import static ai.stratum.server.support.ApplicationRole.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant B never sees tenant A's people: not through GraphQL, not through another tenant's write
 * key, and not through straight SQL as the application role with the service layer bypassed.
 */
@MicronautTest(transactional = false)
class CdpTenantIsolationTest extends CdpIntegrationTest {

    private static final List<String> CDP_TABLES = List.of("cdp_sources", "cdp_profiles", "cdp_events", "cdp_identifiers",
            "cdp_identity_edges", "cdp_merges");

    private Tenant a;
    private Tenant b;
    private String sharedUser;
    private String profileOfA;

    @BeforeAll
    void twoTenantsTrackingTheSamePerson() {
        a = newTenant();
        b = newTenant();
        sharedUser = id("user");
        String device = id("device");
        for (Tenant tenant : List.of(a, b)) {
            tracking().send(tenant.writeKey(), "batch", ("{\"batch\": [{\"type\": \"identify\", \"userId\": \"%s\", \"anonymousId\": \"%s\", "
                    + "\"traits\": {\"email\": \"%s@example.com\"}}, {\"type\": \"identify\", \"userId\": \"%s-2\", \"anonymousId\": \"%s\"}]}")
                    .formatted(sharedUser, device, sharedUser, sharedUser, device));
        }
        profileOfA = (String) profileBy(a.analyst(), "USER_ID", sharedUser).get("id");
    }

    @Test
    void theSameIdentifiersInTwoTenantsAreTwoPeople() {
        String profileOfB = (String) profileBy(b.analyst(), "USER_ID", sharedUser).get("id");

        assertThat(profileOfB).isNotEqualTo(profileOfA);
        assertThat(profileBy(b.analyst(), "USER_ID", sharedUser).get("eventCount")).isEqualTo(1);
    }

    @Test
    void tenantBCannotReadTenantAsProfileByIdGraphOrEvents() {
        var byId = b.analyst().execute("query($id: ID!) { profile(id: $id) { id } }", Map.of("id", profileOfA)).assertNoErrors();
        var graph = b.analyst().execute("query($id: ID!) { identityGraph(profileId: $id) { profileId } }", Map.of("id", profileOfA));
        var events = b.analyst().execute("query($id: ID!) { profileEvents(profileId: $id) { totalCount } }", Map.of("id", profileOfA));
        List<Map<String, Map<String, Object>>> page = b.analyst().execute("{ profiles(first: 100) { edges { node { id } } } }")
                .assertNoErrors().data("profiles.edges");

        assertThat((Object) byId.data("profile")).isNull();
        assertThat(graph.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(events.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(page).extracting(edge -> edge.get("node").get("id")).doesNotContain(profileOfA);
    }

    @Test
    void aSuperAdminReadsAnotherTenantOnlyByNamingIt() {
        var superAdmin = graphql().withToken(loginAsAdmin());

        var inA = superAdmin.withHeader("X-Stratum-Tenant", a.id())
                .execute("query($id: ID!) { profile(id: $id) { id } }", Map.of("id", profileOfA)).assertNoErrors();

        assertThat((String) inA.data("profile.id")).isEqualTo(profileOfA);
    }

    @Test
    void aWriteKeyWritesOnlyIntoItsOwnTenant() {
        String user = id("only-b");

        tracking().send(b.writeKey(), "track", "{\"userId\": \"" + user + "\", \"event\": \"x\"}");

        assertThat((Object) a.analyst().execute("query($v: String!) { profileByIdentifier(type: USER_ID, value: $v) { id } }",
                Map.of("v", user)).assertNoErrors().data("profileByIdentifier")).isNull();
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND user_id = ?", b.uuid(), user)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND user_id = ?", a.uuid(), user)).isZero();
    }

    @Test
    void tenantBCannotIngestIntoTenantAsSource() {
        var result = b.analyst().execute("mutation($s: ID) { ingestEvents(sourceId: $s, events: [{ type: PAGE, anonymousId: \"x\" }]) "
                + "{ accepted } }", Map.of("s", a.sourceId()));

        assertThat(result.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void tenantBCannotRevokeTenantAsSource() {
        var result = b.admin().execute("mutation($id: ID!) { revokeSource(id: $id) { id } }", Map.of("id", a.sourceId()));

        assertThat(result.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(tracking().send(a.writeKey(), "track", "{\"userId\": \"u\", \"event\": \"x\"}").status()).isEqualTo(200);
    }

    // --- the second wall: row-level security, with the service layer bypassed

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cdp_sources", "cdp_profiles", "cdp_events", "cdp_identifiers", "cdp_identity_edges", "cdp_merges"})
    void theApplicationRoleSeesOnlyTheScopedTenantsRows(String table) throws SQLException {
        assertThat(count("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", b.uuid())).as("B has rows in " + table).isPositive();

        try (Connection connection = scopedTo(a)) {
            assertThat(column(connection, "SELECT DISTINCT tenant_id::text FROM " + table)).containsExactly(a.id());
        }
    }

    @Test
    void withoutAScopeTheApplicationRoleSeesNoCdpRows() throws SQLException {
        try (Connection connection = TestDatabase.ownerConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SET LOCAL ROLE stratum_app");
            for (String table : CDP_TABLES) {
                assertThat(column(connection, "SELECT tenant_id::text FROM " + table)).as(table).isEmpty();
            }
        }
    }

    @Test
    void writingAProfileOrEventIntoAnotherTenantIsRefused() throws SQLException {
        try (Connection connection = scopedTo(a)) {
            assertThatThrownBy(() -> update(connection, "INSERT INTO cdp_profiles (tenant_id, id, created_at, updated_at, lifecycle, "
                    + "first_seen_at, last_seen_at) VALUES (?, gen_random_uuid(), now(), now(), 'ANONYMOUS', now(), now())", b.uuid()))
                    .hasMessageContaining("row-level security");
        }
        try (Connection connection = scopedTo(a)) {
            assertThatThrownBy(() -> update(connection, "UPDATE cdp_identifiers SET tenant_id = ? WHERE tenant_id = ?", b.uuid(), a.uuid()))
                    .isInstanceOf(SQLException.class);
        }
    }

    /** Events and identifiers have no key to tenants of their own: their keys to a source and a profile hold them to one. */
    @ParameterizedTest(name = "tenant {0}")
    @ValueSource(strings = {"of the other tenant", "that does not exist"})
    void anEventOrIdentifierCannotNameAnotherTenantThanItsSourceAndProfiles(String which) throws SQLException {
        UUID tenant = which.equals("of the other tenant") ? b.uuid() : UUID.randomUUID();
        try (Connection connection = TestDatabase.ownerConnection()) {
            // past row-level security, so that what refuses is the keys
            connection.createStatement().execute("SELECT set_config('stratum.system', 'on', false)");
            assertThatThrownBy(() -> update(connection, "INSERT INTO cdp_events (tenant_id, id, source_id, message_id, type, profile_id, "
                    + "timestamp, received_at) VALUES (?, gen_random_uuid(), ?, ?, 'TRACK', ?, now(), now())",
                    tenant, UUID.fromString(a.sourceId()), id("message"), UUID.fromString(profileOfA)))
                    .hasMessageContaining("foreign key");
            assertThatThrownBy(() -> update(connection, "INSERT INTO cdp_identifiers (tenant_id, type, value, profile_id, first_seen_at) "
                    + "VALUES (?, 'USER_ID', ?, ?, now())", tenant, id("user"), UUID.fromString(profileOfA)))
                    .hasMessageContaining("foreign key");
        }
    }

    @Test
    void theMergeHistoryCannotBeRewritten() throws SQLException {
        try (Connection connection = scopedTo(a)) {
            assertThatThrownBy(() -> update(connection, "UPDATE cdp_merges SET reason = 'ALIAS'")).hasMessageContaining("permission denied");
        }
    }

    private static Connection scopedTo(Tenant tenant) throws SQLException {
        return ApplicationRole.scopedTo(UUID.fromString(tenant.id()));
    }
}
