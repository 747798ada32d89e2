package ai.stratum.server.cdp;

import ai.stratum.server.support.GraphQLClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDP's GraphQL API as a dashboard and a server integration use it: sources, ingestEvents,
 * paging, who may read personal data, and what bad input gets back.
 */
@MicronautTest(transactional = false)
class CdpGraphQLTest extends CdpIntegrationTest {

    private static final String INGEST = "mutation($events: [EventInput!]!, $source: ID) { ingestEvents(sourceId: $source, events: $events) "
            + "{ accepted duplicates rejected errors { index messageId field message } } }";

    private Tenant tenant;
    private String userId;
    private String profileId;

    @BeforeAll
    void aTenantWithOneKnownProfile() {
        tenant = newTenant();
        userId = id("user");
        tenant.admin().execute(INGEST, Map.of("events", List.of(
                        Map.of("type", "IDENTIFY", "userId", userId, "anonymousId", id("anon"), "traits", Map.of("email", userId + "@example.com"),
                                "timestamp", "2026-11-01T10:00:00Z"),
                        Map.of("type", "TRACK", "userId", userId, "event", "Viewed", "timestamp", "2026-11-01T10:01:00Z"))))
                .assertNoErrors();
        profileId = (String) profileBy(tenant.analyst(), "USER_ID", userId).get("id");
    }

    // --- personal data and roles

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "profile             | query($id: ID!) { profile(id: $id) { id } }",
            "profileByIdentifier | query($id: String!) { profileByIdentifier(type: USER_ID, value: $id) { id } }",
            "profiles            | query { profiles { totalCount } }",
            "identityGraph       | query($id: ID!) { identityGraph(profileId: $id) { profileId } }",
            "profileEvents       | query($id: ID!) { profileEvents(profileId: $id) { totalCount } }",
            "ingestEvents        | mutation { ingestEvents(events: [{ type: PAGE, anonymousId: \"a\" }]) { accepted } }"})
    void aViewerReadsAndWritesNoPersonalData(String field, String query) {
        Map<String, Object> variables = query.contains("$id") ? Map.of("id", field.equals("profileByIdentifier") ? userId : profileId) : Map.of();

        var result = tenant.viewer().execute(query, variables);

        assertThat(result.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(result.errorMessage()).contains("DATA_ANALYST");
    }

    @ParameterizedTest(name = "{0} reads profiles")
    @CsvSource({"analyst", "buyer", "admin"})
    void aDataAnalystAndEveryRoleAboveReadsProfiles(String role) {
        GraphQLClient client = switch (role) {
            case "analyst" -> tenant.analyst();
            case "buyer" -> tenant.buyer();
            default -> tenant.admin();
        };

        assertThat(profile(client, profileId).get("id")).isEqualTo(profileId);
        assertThat(events(client, profileId)).hasSize(2);
    }

    @Test
    void withoutCredentialsNothingIsAnswered() {
        assertThat(graphql().execute("query($id: ID!) { profile(id: $id) { id } }", Map.of("id", profileId)).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(graphql().execute("{ sources { id } }").errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anyRoleListsSourcesButTheWriteKeyIsShownOnlyOnCreation() {
        List<Map<String, Object>> sources = tenant.viewer().execute("{ sources { id name kind writeKey createdAt revokedAt } }")
                .assertNoErrors().data("sources");

        assertThat(sources).extracting(source -> source.get("kind")).contains("HTTP", "GRAPHQL");
        assertThat(sources).allSatisfy(source -> assertThat(source.get("writeKey")).isNull());
        assertThat(sources).filteredOn(source -> source.get("id").equals(tenant.sourceId())).singleElement()
                .satisfies(source -> assertThat(source.get("name")).isEqualTo("Website"));
        assertThat(tenant.writeKey()).matches("wk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    }

    @ParameterizedTest(name = "{0} creating a source: {1}")
    @CsvSource({"admin, OK", "buyer, FORBIDDEN", "analyst, FORBIDDEN", "viewer, FORBIDDEN"})
    void onlyATenantAdminCreatesOrRevokesSources(String role, String expected) {
        GraphQLClient client = switch (role) {
            case "admin" -> tenant.admin();
            case "buyer" -> tenant.buyer();
            case "analyst" -> tenant.analyst();
            default -> tenant.viewer();
        };

        String target = tenant.admin().execute("mutation { createSource(input: { name: \"To revoke\" }) { id } }").assertNoErrors()
                .data("createSource.id");

        var created = client.execute("mutation { createSource(input: { name: \"Mobile app\" }) { id writeKey } }");
        var revoked = client.execute("mutation($id: ID!) { revokeSource(id: $id) { id } }", Map.of("id", target));

        assertThat(created.errorCode() == null ? "OK" : created.errorCode()).isEqualTo(expected);
        assertThat(revoked.errorCode() == null ? "OK" : revoked.errorCode()).isEqualTo(expected);
    }

    @Test
    void creatingAndRevokingASourceIsAudited() {
        var created = tenant.admin().execute("mutation { createSource(input: { name: \" Newsletter \" }) { id name } }").assertNoErrors();
        String id = created.data("createSource.id");
        var first = tenant.admin().execute("mutation($id: ID!) { revokeSource(id: $id) { revokedAt } }", Map.of("id", id)).assertNoErrors();
        var second = tenant.admin().execute("mutation($id: ID!) { revokeSource(id: $id) { revokedAt } }", Map.of("id", id)).assertNoErrors();

        assertThat((String) created.data("createSource.name")).isEqualTo("Newsletter");
        assertThat((String) second.data("revokeSource.revokedAt")).isEqualTo(first.data("revokeSource.revokedAt"));
        assertThat(rows("SELECT action FROM audit_events WHERE tenant_id = ? AND target_id = ? ORDER BY occurred_at", tenant.uuid(), id))
                .containsExactly(List.of("cdp.source.created"), List.of("cdp.source.revoked"));
    }

    // --- ingestEvents

    @Test
    void ingestEventsStoresTheGoodEventsAndNamesTheBadOnes() {
        String user = id("user");
        var result = tenant.analyst().execute(INGEST, Map.of("events", List.of(
                Map.of("type", "TRACK", "messageId", "g-1", "userId", user, "event", "Order Completed",
                        "properties", Map.of("revenue", 12.5, "currency", "USD"), "timestamp", "2026-11-01T10:00:00Z",
                        "sentAt", "2026-11-01T10:00:02Z"),
                Map.of("type", "TRACK", "messageId", "g-2", "userId", user),
                Map.of("type", "GROUP", "messageId", "g-3", "userId", user),
                Map.of("type", "PAGE", "messageId", "g-4", "userId", user, "properties", List.of(1, 2)),
                Map.of("type", "IDENTIFY", "messageId", "g-5", "userId", user, "traits", Map.of("plan", "pro"))))).assertNoErrors();

        assertThat((Integer) result.data("ingestEvents.accepted")).isEqualTo(2);
        assertThat((Integer) result.data("ingestEvents.rejected")).isEqualTo(3);
        assertThat((List<Map<String, Object>>) result.data("ingestEvents.errors"))
                .extracting(error -> error.get("index"), error -> error.get("messageId"), error -> error.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "g-2", "event"),
                        org.assertj.core.groups.Tuple.tuple(2, "g-3", "groupId"),
                        org.assertj.core.groups.Tuple.tuple(3, "g-4", "properties"));
        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(profile.get("orderCount")).isEqualTo(1);
        Map<String, Object> order = events(tenant.analyst(), (String) profile.get("id")).stream()
                .filter(event -> "TRACK".equals(event.get("type"))).findFirst().orElseThrow();
        assertThat(order.get("originalTimestamp")).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(order.get("sentAt")).isEqualTo("2026-11-01T10:00:02Z");
    }

    @Test
    void ingestEventsIsIdempotentPerSource() {
        String user = id("user");
        List<Map<String, Object>> events = List.of(Map.of("type", "TRACK", "messageId", "once-" + user, "userId", user, "event", "Viewed"));

        var first = tenant.analyst().execute(INGEST, Map.of("events", events)).assertNoErrors();
        var again = tenant.analyst().execute(INGEST, Map.of("events", events)).assertNoErrors();
        Map<String, Object> viaHttpSource = new HashMap<>(Map.of("events", events, "source", tenant.sourceId()));
        var otherSource = tenant.analyst().execute(INGEST, viaHttpSource).assertNoErrors();

        assertThat((Integer) first.data("ingestEvents.accepted")).isEqualTo(1);
        assertThat((Integer) again.data("ingestEvents.accepted")).isZero();
        assertThat((Integer) again.data("ingestEvents.duplicates")).isEqualTo(1);
        assertThat((Integer) otherSource.data("ingestEvents.accepted")).isEqualTo(1);
    }

    @Test
    void ingestEventsRefusesAnUnknownOrRevokedSource() {
        String revokedId = tenant.admin().execute("mutation { createSource(input: { name: \"Retired\" }) { id } }").assertNoErrors()
                .data("createSource.id");
        tenant.admin().execute("mutation($id: ID!) { revokeSource(id: $id) { id } }", Map.of("id", revokedId)).assertNoErrors();
        List<Map<String, Object>> events = List.of(Map.of("type", "PAGE", "anonymousId", "a"));

        var unknown = tenant.analyst().execute(INGEST, Map.of("events", events, "source", "00000000-0000-0000-0000-000000000001"));
        var revoked = tenant.analyst().execute(INGEST, Map.of("events", events, "source", revokedId));
        var malformed = tenant.analyst().execute(INGEST, Map.of("events", events, "source", "website"));

        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(revoked.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(revoked.errorMessage()).contains("revoked");
        assertThat(malformed.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void ingestEventsRefusesMoreEventsThanABatchMayHold() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 2501; i++) {
            events.add(Map.of("type", "PAGE", "anonymousId", "a"));
        }

        var result = tenant.analyst().execute(INGEST, Map.of("events", events));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(result.errorMessage()).contains("STRATUM_CDP_MAX_BATCH_EVENTS");
    }

    @Test
    void ingestEventsRefusesAnEventTypeOutsideTheEnum() {
        var result = tenant.analyst().execute("mutation { ingestEvents(events: [{ type: PURCHASE, userId: \"u\" }]) { accepted } }");

        assertThat(result.errors()).isNotEmpty();
    }

    // --- bad input

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "profile with a malformed id        | query { profile(id: \"nope\") { id } }                                       | BAD_USER_INPUT | id",
            "graph with a malformed id          | query { identityGraph(profileId: \"nope\") { profileId } }                   | BAD_USER_INPUT | profileId",
            "events with a malformed id         | query { profileEvents(profileId: \"nope\") { totalCount } }                  | BAD_USER_INPUT | profileId",
            "an e-mail that is not one          | query { profileByIdentifier(type: EMAIL, value: \"not-an-email\") { id } }   | BAD_USER_INPUT | value",
            "a phone that is not one            | query { profileByIdentifier(type: PHONE, value: \"call me\") { id } }        | BAD_USER_INPUT | value",
            "an external id without its kind    | query { profileByIdentifier(type: EXTERNAL_ID, value: \"42\") { id } }       | BAD_USER_INPUT | value",
            "a page too large                   | query { profiles(first: 101) { totalCount } }                               | BAD_USER_INPUT | first",
            "a cursor this server never issued  | query { profiles(after: \"garbage\") { totalCount } }                        | BAD_USER_INPUT | after",
            "events page too large              | query { profileEvents(profileId: \"00000000-0000-0000-0000-000000000001\", first: -1) { totalCount } } | BAD_USER_INPUT | first",
            "a blank source name                | mutation { createSource(input: { name: \"  \" }) { id } }                    | BAD_USER_INPUT | input.name",
            "revoking a malformed id            | mutation { revokeSource(id: \"x\") { id } }                                  | BAD_USER_INPUT | id"})
    void refusesBadInputNamingTheField(String what, String query, String code, String field) {
        var result = tenant.admin().execute(query);

        assertThat(result.errorCode()).isEqualTo(code);
        assertThat(((Map<String, Object>) result.errors().get(0).get("extensions")).get("field")).isEqualTo(field);
    }

    @Test
    void aSourceNameOver200CharactersIsRefused() {
        var result = tenant.admin().execute("mutation($n: String!) { createSource(input: { name: $n }) { id } }", Map.of("n", "x".repeat(201)));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "identityGraph | query { identityGraph(profileId: \"00000000-0000-0000-0000-000000000001\") { profileId } }",
            "profileEvents | query { profileEvents(profileId: \"00000000-0000-0000-0000-000000000001\") { totalCount } }",
            "revokeSource  | mutation { revokeSource(id: \"00000000-0000-0000-0000-000000000001\") { id } }"})
    void anUnknownProfileOrSourceIsNotFound(String field, String query) {
        assertThat(tenant.admin().execute(query).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anUnknownProfileOrIdentifierIsNull() {
        var byId = tenant.analyst().execute("query { profile(id: \"00000000-0000-0000-0000-000000000001\") { id } }").assertNoErrors();
        var byIdentifier = tenant.analyst().execute("query { profileByIdentifier(type: USER_ID, value: \"nobody\") { id } }").assertNoErrors();

        assertThat((Object) byId.data("profile")).isNull();
        assertThat((Object) byIdentifier.data("profileByIdentifier")).isNull();
    }

    @Test
    void aSegmentIdThatIsNoIdIsBadInputAndAnUnknownOneNotFound() {
        var malformed = tenant.analyst().execute("query { profiles(segmentId: \"vip-customers\") { totalCount } }");
        var unknown = tenant.analyst().execute("query { profiles(segmentId: \"0b0e6a52-1f43-4e8f-9d7e-6c0b7a0f0a11\") { totalCount } }");

        assertThat(malformed.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(malformed.errorMessage()).contains("vip-customers");
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.errorMessage()).contains("0b0e6a52-1f43-4e8f-9d7e-6c0b7a0f0a11");
    }

    @Test
    void theBuiltInGraphQLSourceCannotBeRevoked() {
        List<Map<String, Object>> sources = tenant.admin().execute("{ sources { id kind } }").assertNoErrors().data("sources");
        String graphqlSource = (String) sources.stream().filter(source -> source.get("kind").equals("GRAPHQL")).findFirst().orElseThrow().get("id");

        var result = tenant.admin().execute("mutation($id: ID!) { revokeSource(id: $id) { id } }", Map.of("id", graphqlSource));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    // --- paging

    @Test
    void profilesArePagedOldestFirstWithCursors() {
        Tenant fresh = newTenant();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String user = id("user" + i);
            fresh.analyst().execute(INGEST, Map.of("events", List.of(Map.of("type", "IDENTIFY", "userId", user)))).assertNoErrors();
            created.add((String) profileBy(fresh.analyst(), "USER_ID", user).get("id"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 2));
            if (after != null) {
                variables.put("after", after);
            }
            var page = fresh.analyst().execute("query($first: Int, $after: String) { profiles(first: $first, after: $after) { totalCount "
                    + "edges { cursor node { id lifecycle } } pageInfo { hasNextPage hasPreviousPage endCursor } } }", variables).assertNoErrors();
            assertThat((Integer) page.data("profiles.totalCount")).isEqualTo(5);
            List<Map<String, Map<String, Object>>> edges = page.data("profiles.edges");
            edges.forEach(edge -> seen.add((String) edge.get("node").get("id")));
            hasNext = page.data("profiles.pageInfo.hasNextPage");
            after = page.data("profiles.pageInfo.endCursor");
        }

        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void profileEventsArePagedNewestFirst() {
        String user = id("user");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.add(Map.of("type", "TRACK", "userId", user, "event", "E" + i, "timestamp", "2026-11-0" + i + "T10:00:00Z"));
        }
        tenant.analyst().execute(INGEST, Map.of("events", events)).assertNoErrors();
        String id = (String) profileBy(tenant.analyst(), "USER_ID", user).get("id");
        String query = "query($id: ID!, $after: String) { profileEvents(profileId: $id, first: 3, after: $after) { totalCount "
                + "edges { node { event } } pageInfo { hasNextPage endCursor } } }";

        var first = tenant.analyst().execute(query, Map.of("id", id)).assertNoErrors();
        Map<String, Object> next = new HashMap<>(Map.of("id", id, "after", first.data("profileEvents.pageInfo.endCursor")));
        var second = tenant.analyst().execute(query, next).assertNoErrors();

        assertThat((Integer) first.data("profileEvents.totalCount")).isEqualTo(5);
        assertThat((List<Map<String, Map<String, Object>>>) first.data("profileEvents.edges"))
                .extracting(edge -> edge.get("node").get("event")).containsExactly("E5", "E4", "E3");
        assertThat((Boolean) first.data("profileEvents.pageInfo.hasNextPage")).isTrue();
        assertThat((List<Map<String, Map<String, Object>>>) second.data("profileEvents.edges"))
                .extracting(edge -> edge.get("node").get("event")).containsExactly("E2", "E1");
        assertThat((Boolean) second.data("profileEvents.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void aListOfProfilesLoadsIdentifiersInBatches() {
        var page = tenant.analyst().execute("{ profiles(first: 100) { edges { node { id identifiers { type value } mergedIds } } } }")
                .assertNoErrors();

        List<Map<String, Map<String, Object>>> edges = page.data("profiles.edges");
        assertThat(edges).isNotEmpty().allSatisfy(edge -> assertThat((List<?>) edge.get("node").get("identifiers")).isNotEmpty());
    }
}
