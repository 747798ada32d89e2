package ai.stratum.server.cdp;

import ai.stratum.sandbox.simulation.SettableClock;
import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.WebSocketClient;
import ai.stratum.server.tenancy.TenantId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Segments over a fixed set of six profiles whose answers are computed by hand, at a pinned "now":
 * every rule type, combinations, the edges of time windows and counts, RFM, validation, incremental
 * membership with its subscription, and tenant isolation.
 *
 * <pre>
 *   A  plan pro, age 34, tags [vip, beta], address.city Berlin; orders now-29d (50), now-10d (120)
 *   B  plan free, age 17; orders now-30d-1s (10, just outside 30 days), now-5d (20)
 *   C  plan "Pro Plus"; Product Viewed ×3 at now-1d
 *   D  anonymous; one page view at now-60d
 *   E  plan null, age "34" (text); one order at exactly now-30d (5)
 *   F  age 50; orders now-40d, now-39d, now-38d (100 each)
 * </pre>
 */
@MicronautTest(transactional = false)
class SegmentsTest extends CdpIntegrationTest {

    static final String SPEC = "SegmentsTest";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGEST = "mutation($events: [EventInput!]!) { ingestEvents(events: $events) { accepted rejected "
            + "errors { index field message } } }";
    private static final String SEGMENT_FIELDS = "id name rules size evaluatedAt members(first: 50) { totalCount edges { node { id } } }";

    @Inject
    PubSub pubSub;

    private Tenant tenant;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> users = new HashMap<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", SPEC);
    }

    /** NOW, unless a test moves it (and moves it back: tokens are checked against it too). */
    static final SettableClock CLOCK = new SettableClock(NOW);

    @Inject
    CdpScoresJob scoresJob;

    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class PinnedClock {
        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return CLOCK;
        }
    }

    @BeforeAll
    void sixProfiles() {
        tenant = newTenant();
        List<Map<String, Object>> events = new ArrayList<>();
        identify(events, "A", Map.of("plan", "pro", "age", 34, "tags", List.of("vip", "beta"), "address", Map.of("city", "Berlin")));
        order(events, "A", NOW.minus(Duration.ofDays(29)), 50);
        order(events, "A", NOW.minus(Duration.ofDays(10)), 120);
        identify(events, "B", Map.of("plan", "free", "age", 17));
        order(events, "B", NOW.minus(Duration.ofDays(30)).minusSeconds(1), 10);
        order(events, "B", NOW.minus(Duration.ofDays(5)), 20);
        identify(events, "C", Map.of("plan", "Pro Plus"));
        for (int i = 0; i < 3; i++) {
            events.add(track("C", "Product Viewed", NOW.minus(Duration.ofDays(1)), Map.of("sku", "s" + i)));
        }
        Map<String, Object> page = new HashMap<>(Map.of("type", "PAGE", "anonymousId", id("anon-d"), "name", "Home",
                "timestamp", NOW.minus(Duration.ofDays(60)).toString()));
        events.add(page);
        Map<String, Object> eTraits = new HashMap<>();
        eTraits.put("plan", null);
        eTraits.put("age", "34");
        identify(events, "E", eTraits);
        order(events, "E", NOW.minus(Duration.ofDays(30)), 5);
        identify(events, "F", Map.of("age", 50));
        for (int day = 40; day >= 38; day--) {
            order(events, "F", NOW.minus(Duration.ofDays(day)), 100);
        }
        ingest(tenant.admin(), events);
        for (String person : List.of("A", "B", "C", "E", "F")) {
            ids.put(person, (String) profileBy(tenant.analyst(), "USER_ID", users.get(person)).get("id"));
        }
        ids.put("D", (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", (String) page.get("anonymousId")).get("id"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "trait equals                 | {\"trait\": {\"trait\": \"plan\", \"operator\": \"EQUALS\", \"value\": \"pro\"}}                    | A",
            "trait contains, any case     | {\"trait\": {\"trait\": \"plan\", \"operator\": \"CONTAINS\", \"value\": \"PRO\"}}                  | A C",
            "not equals counts missing    | {\"trait\": {\"trait\": \"plan\", \"operator\": \"NOT_EQUALS\", \"value\": \"pro\"}}                | B C D E F",
            "exists ignores null          | {\"trait\": {\"trait\": \"plan\", \"operator\": \"EXISTS\"}}                                        | A B C",
            "not exists                   | {\"trait\": {\"trait\": \"plan\", \"operator\": \"NOT_EXISTS\"}}                                    | D E F",
            "numbers compare as numbers   | {\"trait\": {\"trait\": \"age\", \"operator\": \"GREATER_THAN\", \"value\": 30}}                    | A F",
            "less or equal at the edge    | {\"trait\": {\"trait\": \"age\", \"operator\": \"LESS_OR_EQUAL\", \"value\": 17}}                   | B",
            "array contains               | {\"trait\": {\"trait\": \"tags\", \"operator\": \"CONTAINS\", \"value\": \"vip\"}}                  | A",
            "nested trait                 | {\"trait\": {\"trait\": \"address.city\", \"operator\": \"EQUALS\", \"value\": \"Berlin\"}}         | A",
            "2 orders in 30 days          | {\"event\": {\"name\": \"Order Completed\", \"atLeast\": 2, \"withinDays\": 30}}                    | A",
            "window includes its start    | {\"event\": {\"name\": \"Order Completed\", \"withinDays\": 30}}                                    | A B E",
            "2 orders ever                | {\"event\": {\"name\": \"Order Completed\", \"atLeast\": 2}}                                        | A B F",
            "exactly 2 orders             | {\"event\": {\"name\": \"Order Completed\", \"atLeast\": 2, \"atMost\": 2}}                         | A B",
            "never ordered                | {\"event\": {\"name\": \"Order Completed\", \"atLeast\": 0, \"atMost\": 0}}                        | C D",
            "event names are exact        | {\"event\": {\"name\": \"order completed\"}}                                                        | ",
            "with a property condition    | {\"event\": {\"name\": \"Order Completed\", \"property\": {\"property\": \"revenue\", \"operator\": \"GREATER_THAN\", \"value\": 100}}} | A",
            "3 views in 7 days            | {\"event\": {\"name\": \"Product Viewed\", \"atLeast\": 3, \"withinDays\": 7}}                      | C",
            "lifecycle                    | {\"field\": {\"field\": \"LIFECYCLE\", \"operator\": \"EQUALS\", \"value\": \"CUSTOMER\"}}          | A B E F",
            "order count                  | {\"field\": {\"field\": \"ORDER_COUNT\", \"operator\": \"GREATER_OR_EQUAL\", \"value\": 3}}         | F",
            "event count                  | {\"field\": {\"field\": \"EVENT_COUNT\", \"operator\": \"EQUALS\", \"value\": 4}}                   | C F",
            "revenue                      | {\"field\": {\"field\": \"TOTAL_REVENUE\", \"operator\": \"GREATER_THAN\", \"value\": 150, \"currency\": \"EUR\"}} | A F",
            "revenue at the edge          | {\"field\": {\"field\": \"TOTAL_REVENUE\", \"operator\": \"GREATER_OR_EQUAL\", \"value\": 170, \"currency\": \"EUR\"}} | A F",
            "not seen for 35 days         | {\"field\": {\"field\": \"LAST_SEEN\", \"operator\": \"LESS_THAN\", \"daysAgo\": 35}}               | D F",
            "lapsed customers             | {\"and\": [{\"field\": {\"field\": \"LIFECYCLE\", \"operator\": \"EQUALS\", \"value\": \"CUSTOMER\"}}, {\"not\": {\"event\": {\"name\": \"Order Completed\", \"withinDays\": 30}}}]} | F",
            "or                           | {\"or\": [{\"trait\": {\"trait\": \"plan\", \"operator\": \"EQUALS\", \"value\": \"free\"}}, {\"field\": {\"field\": \"ORDER_COUNT\", \"operator\": \"GREATER_OR_EQUAL\", \"value\": 3}}]} | B F"})
    void previewMatchesTheHandComputedProfiles(String description, String rules, String expected) throws Exception {
        Map<String, Object> preview = tenant.analyst().execute("query($r: SegmentRuleInput!) { previewSegment(rules: $r) { size sample { id } } }",
                Map.of("r", json(rules))).assertNoErrors().data("previewSegment");

        List<String> want = expected == null ? List.of() : List.of(expected.trim().split(" "));
        assertThat(((List<Map<String, Object>>) preview.get("sample")).stream().map(p -> name((String) p.get("id"))))
                .containsExactlyInAnyOrderElementsOf(want);
        assertThat(preview.get("size")).isEqualTo(want.size());
    }

    @Test
    void aCreatedSegmentStoresItsMembersAndProfilesPagesThem() throws Exception {
        Map<String, Object> created = create("Lapsed", "{\"and\": [{\"field\": {\"field\": \"LIFECYCLE\", \"operator\": \"EQUALS\", "
                + "\"value\": \"CUSTOMER\"}}, {\"event\": {\"name\": \"Order Completed\", \"atLeast\": 2}}]}");

        assertThat(created.get("size")).isEqualTo(3);
        assertThat(created.get("evaluatedAt")).isEqualTo(NOW.toString());
        assertThat(members(created)).containsExactlyInAnyOrder("A", "B", "F");
        var page = tenant.analyst().execute("query($s: ID) { profiles(segmentId: $s, first: 2) { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { node { id } } } }", Map.of("s", created.get("id"))).assertNoErrors();
        assertThat(page.<Integer>data("profiles.totalCount")).isEqualTo(3);
        assertThat(page.<Boolean>data("profiles.pageInfo.hasNextPage")).isTrue();
        var rest = tenant.analyst().execute("query($s: ID, $a: String) { profiles(segmentId: $s, first: 2, after: $a) { edges { node { id } } } }",
                Map.of("s", created.get("id"), "a", page.data("profiles.pageInfo.endCursor"))).assertNoErrors();
        assertThat(rest.<List<?>>data("profiles.edges")).hasSize(1);
        assertThat(created.get("rules")).isEqualTo(json("{\"and\": [{\"field\": {\"field\": \"LIFECYCLE\", \"operator\": \"EQUALS\", "
                + "\"value\": \"CUSTOMER\"}}, {\"event\": {\"name\": \"Order Completed\", \"atLeast\": 2}}]}"));
    }

    @Test
    void updatingTheRulesRecomputesMembershipAndLogsWhoLeft() throws Exception {
        Map<String, Object> created = create("Pro plans", "{\"trait\": {\"trait\": \"plan\", \"operator\": \"CONTAINS\", \"value\": \"pro\"}}");

        Map<String, Object> updated = tenant.analyst().execute("mutation($id: ID!, $i: SegmentInput!) { updateSegment(id: $id, input: $i) { "
                        + SEGMENT_FIELDS + " } }", Map.of("id", created.get("id"), "i", Map.of("name", "Pro exactly",
                        "rules", json("{\"trait\": {\"trait\": \"plan\", \"operator\": \"EQUALS\", \"value\": \"pro\"}}"))))
                .assertNoErrors().data("updateSegment");

        assertThat(updated.get("name")).isEqualTo("Pro exactly");
        assertThat(members(updated)).containsExactly("A");
        assertThat(rows("SELECT profile_id::text, change FROM cdp_segment_changes WHERE segment_id = ?::uuid ORDER BY seq",
                created.get("id"))).extracting(row -> name((String) row.get(0)) + " " + row.get(1))
                .containsExactlyInAnyOrder("A ENTERED", "C ENTERED", "C LEFT");
    }

    @Test
    void thePeriodicRecomputeMovesAProfileOutOfATimeWindowWithoutAnyEvent() throws Exception {
        Map<String, Object> segment = create("Ordered in the last 30 days", "{\"event\": {\"name\": \"Order Completed\", \"withinDays\": 30}}");
        assertThat(members(segment)).containsExactlyInAnyOrder("A", "B", "E");

        // one second later E's order, at exactly now-30d, is out of the window
        CLOCK.set(NOW.plusSeconds(1));
        try {
            scoresJob.recompute(new TenantId(tenant.uuid())).block(WAIT);
        } finally {
            CLOCK.set(NOW);
        }

        assertThat(rows("SELECT profile_id::text FROM cdp_segment_members WHERE segment_id = ?::uuid", segment.get("id")))
                .extracting(row -> name((String) row.get(0))).containsExactlyInAnyOrder("A", "B");
        assertThat(rows("SELECT profile_id::text, change FROM cdp_segment_changes WHERE segment_id = ?::uuid AND change = 'LEFT'",
                segment.get("id"))).extracting(row -> name((String) row.get(0))).containsExactly("E");
    }

    @Test
    void anEventMovesAProfileIntoASegmentAndTheSubscriptionReportsIt() throws Exception {
        Tenant own = newTenant();
        String person = id("new");
        Map<String, Object> segment = create(own, "Big spenders", "{\"event\": {\"name\": \"Order Completed\", \"withinDays\": 7, "
                + "\"property\": {\"property\": \"revenue\", \"operator\": \"GREATER_OR_EQUAL\", \"value\": 500}}}");
        assertThat(segment.get("size")).isEqualTo(0);

        try (WebSocketClient socket = subscribed(own, (String) segment.get("id")); WebSocketClient elsewhere = subscribed(tenant, null)) {
            List<Map<String, Object>> events = new ArrayList<>();
            events.add(track(person, "Order Completed", NOW.minus(Duration.ofHours(1)), Map.of("revenue", 499.99)));
            ingest(own.admin(), events);
            events.clear();
            events.add(track(person, "Order Completed", NOW.minus(Duration.ofMinutes(30)), Map.of("revenue", 500)));
            ingest(own.admin(), events);

            Map<String, Object> message = socket.next(WAIT);
            assertThat(message).containsEntry("type", "next");
            Map<String, Object> change = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) message.get("payload"))
                    .get("data")).get("segmentMembershipChanged");
            String profile = (String) profileBy(own.analyst(), "USER_ID", person).get("id");
            assertThat(change).containsEntry("segmentId", segment.get("id")).containsEntry("profileId", profile)
                    .containsEntry("change", "ENTERED").containsEntry("at", NOW.toString());
            // another tenant's subscriber, listening to all its segments, hears nothing of it
            assertThatThrownBy(() -> elsewhere.next(Duration.ofMillis(500))).isInstanceOf(AssertionError.class);
        }
        assertThat(segment(own.analyst(), (String) segment.get("id")).get("size")).isEqualTo(1);
    }

    @Test
    void rfmScoresMatchTheHandComputedQuintilesAndSegmentsUseThem() throws Exception {
        assertThat(tenant.analyst().execute("mutation { recomputeRfm }").assertNoErrors().<Integer>data("recomputeRfm")).isEqualTo(4);

        // recency: B (now-5d) 4, A 3, E 2, F 1; frequency: F 4, A and B 2, E 1; monetary: F 4, A 3, B 2, E 1
        assertThat(rfm("A")).isEqualTo("3 2 3 NEED_ATTENTION");
        assertThat(rfm("B")).isEqualTo("4 2 2 POTENTIAL_LOYALISTS");
        assertThat(rfm("E")).isEqualTo("2 1 1 HIBERNATING");
        assertThat(rfm("F")).isEqualTo("1 4 4 AT_RISK");
        assertThat(profile(tenant.analyst(), ids.get("C"), "rfm { group }").get("rfm")).isNull();
        Map<String, Object> atRisk = tenant.analyst().execute("query($r: SegmentRuleInput!) { previewSegment(rules: $r) { size sample { id } } }",
                Map.of("r", json("{\"or\": [{\"rfm\": {\"groups\": [\"AT_RISK\"]}}, {\"rfm\": {\"recency\": {\"min\": 4}}}]}")))
                .assertNoErrors().data("previewSegment");
        assertThat(((List<Map<String, Object>>) atRisk.get("sample")).stream().map(p -> name((String) p.get("id"))))
                .containsExactlyInAnyOrder("F", "B");
    }

    @Test
    void aMergeMovesMembershipToTheSurvivor() throws Exception {
        Tenant own = newTenant();
        String device = id("device");
        String user = id("user");
        String hasEmail = (String) create(own, "Has e-mail", "{\"trait\": {\"trait\": \"email\", \"operator\": \"EXISTS\"}}").get("id");
        String browsedAndKnown = (String) create(own, "Known browsers", "{\"and\": [{\"trait\": {\"trait\": \"email\", \"operator\": "
                + "\"EXISTS\"}}, {\"event\": {\"name\": \"Product Viewed\"}}]}").get("id");
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(Map.of("type", "TRACK", "anonymousId", device, "event", "Product Viewed", "timestamp", NOW.minusSeconds(600).toString()));
        ingest(own.admin(), events);
        events.clear();
        events.add(Map.of("type", "IDENTIFY", "userId", user, "traits", Map.of("email", user + "@example.com"),
                "timestamp", NOW.minusSeconds(500).toString()));
        // the survivor of a merge is the profile created first: on the pinned clock the two would tie
        CLOCK.set(NOW.plusSeconds(1));
        try {
            ingest(own.admin(), events);
        } finally {
            CLOCK.set(NOW);
        }
        String browser = (String) profileBy(own.analyst(), "ANONYMOUS_ID", device).get("id");
        String known = (String) profileBy(own.analyst(), "USER_ID", user).get("id");
        awaitMembers(hasEmail, List.of(known));
        awaitMembers(browsedAndKnown, List.of());

        events.clear();
        events.add(Map.of("type", "IDENTIFY", "userId", user, "anonymousId", device, "timestamp", NOW.minusSeconds(400).toString()));
        ingest(own.admin(), events);

        // the older profile (the browser) survives, with the e-mail and both histories
        assertThat(profileBy(own.analyst(), "USER_ID", user).get("id")).isEqualTo(browser);
        awaitMembers(hasEmail, List.of(browser));
        awaitMembers(browsedAndKnown, List.of(browser));
        assertThat(rows("SELECT profile_id::text, change FROM cdp_segment_changes WHERE segment_id = ?::uuid ORDER BY seq", hasEmail))
                .extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly(known + " ENTERED", known + " LEFT", browser + " ENTERED");
    }

    private static void awaitMembers(String segment, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> members;
        do {
            Thread.sleep(50);
            members = rows("SELECT profile_id::text FROM cdp_segment_members WHERE segment_id = ?::uuid", segment).stream()
                    .map(row -> (String) row.get(0)).toList();
        } while (!(members.size() == expected.size() && members.containsAll(expected)) && System.nanoTime() < deadline);
        assertThat(members).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBadRuleIsRefusedNamingItsPathAndNothingIsStored() throws Exception {
        long before = count("SELECT count(*) FROM cdp_segments WHERE tenant_id = ?::uuid", tenant.id());

        var result = tenant.analyst().execute("mutation($i: SegmentInput!) { createSegment(input: $i) { id } }", Map.of("i", Map.of("name", "Bad",
                "rules", json("{\"and\": [{\"trait\": {\"trait\": \"plan\", \"operator\": \"EXISTS\"}}, "
                        + "{\"event\": {\"name\": \"Order Completed\", \"withinDays\": 0}}]}"))));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<String, Object>) result.errors().get(0).get("extensions")).get("field")).isEqualTo("input.rules.and[1].event.withinDays");
        assertThat(count("SELECT count(*) FROM cdp_segments WHERE tenant_id = ?::uuid", tenant.id())).isEqualTo(before);
    }

    @Test
    void aViewerGetsNoSegmentsAndAnUnknownSegmentIsNotFound() {
        assertThat(tenant.viewer().execute("{ segments { id } }").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(tenant.viewer().execute("query($r: SegmentRuleInput!) { previewSegment(rules: $r) { size } }",
                Map.of("r", Map.of("trait", Map.of("trait", "plan", "operator", "EXISTS")))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(tenant.analyst().execute("query { profiles(segmentId: \"6f1c1a52-5a0e-4f43-9d7e-6c0b7a0f0a11\") { totalCount } }")
                .errorCode()).isEqualTo("NOT_FOUND");
        assertThat(tenant.analyst().execute("mutation { deleteSegment(id: \"6f1c1a52-5a0e-4f43-9d7e-6c0b7a0f0a11\") }").errorCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherTenantSeesNeitherTheSegmentNorTheProfiles() throws Exception {
        Map<String, Object> mine = create("Everyone", "{\"field\": {\"field\": \"EVENT_COUNT\", \"operator\": \"GREATER_THAN\", \"value\": 0}}");
        Tenant other = newTenant();
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(track(id("other"), "Order Completed", NOW.minus(Duration.ofDays(1)), Map.of("revenue", 1)));
        ingest(other.admin(), events);

        assertThat(other.analyst().execute("query($id: ID!) { segment(id: $id) { id } }", Map.of("id", mine.get("id")))
                .assertNoErrors().<Object>data("segment")).isNull();
        assertThat(other.analyst().execute("query($s: ID) { profiles(segmentId: $s) { totalCount } }", Map.of("s", mine.get("id"))).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(other.analyst().execute("mutation { deleteSegment(id: \"" + mine.get("id") + "\") }").errorCode()).isEqualTo("NOT_FOUND");
        Map<String, Object> theirs = other.analyst().execute("mutation($i: SegmentInput!) { createSegment(input: $i) { " + SEGMENT_FIELDS + " } }",
                Map.of("i", Map.of("name", "Everyone", "rules", json("{\"field\": {\"field\": \"EVENT_COUNT\", \"operator\": \"GREATER_THAN\", "
                        + "\"value\": 0}}")))).assertNoErrors().data("createSegment");
        assertThat(theirs.get("size")).isEqualTo(1);
        assertThat((Integer) segment(tenant.analyst(), (String) mine.get("id")).get("size")).isGreaterThanOrEqualTo(6);
        assertThat(tenant.analyst().execute("mutation($id: ID!) { deleteSegment(id: $id) }", Map.of("id", mine.get("id")))
                .assertNoErrors().<Boolean>data("deleteSegment")).isTrue();
        assertThat(count("SELECT count(*) FROM cdp_segment_members WHERE segment_id = ?::uuid", mine.get("id"))).isZero();
    }

    // --- helpers

    private Map<String, Object> create(String name, String rules) throws Exception {
        return create(tenant, name, rules);
    }

    private Map<String, Object> create(Tenant in, String name, String rules) throws Exception {
        return in.analyst().execute("mutation($i: SegmentInput!) { createSegment(input: $i) { " + SEGMENT_FIELDS + " } }",
                Map.of("i", Map.of("name", name, "rules", json(rules)))).assertNoErrors().data("createSegment");
    }

    private Map<String, Object> segment(GraphQLClient client, String id) {
        return client.execute("query($id: ID!) { segment(id: $id) { " + SEGMENT_FIELDS + " } }", Map.of("id", id)).assertNoErrors().data("segment");
    }

    private List<String> members(Map<String, Object> segment) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) segment.get("members")).get("edges");
        return edges.stream().map(edge -> name((String) ((Map<String, Object>) edge.get("node")).get("id"))).toList();
    }

    private String rfm(String person) {
        Map<String, Object> rfm = (Map<String, Object>) profile(tenant.analyst(), ids.get(person), "rfm { recency frequency monetary group }")
                .get("rfm");
        return rfm.get("recency") + " " + rfm.get("frequency") + " " + rfm.get("monetary") + " " + rfm.get("group");
    }

    private Map<String, Object> profile(GraphQLClient client, String id, String fields) {
        return client.execute("query($id: ID!) { profile(id: $id) { " + fields + " } }", Map.of("id", id)).assertNoErrors().data("profile");
    }

    private String name(String profileId) {
        return ids.entrySet().stream().filter(entry -> entry.getValue().equals(profileId)).map(Map.Entry::getKey).findFirst()
                .orElse(profileId);
    }

    private WebSocketClient subscribed(Tenant in, String segmentId) {
        WebSocketClient socket = new WebSocketClient(server.getURI());
        socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + tokenIn(in.id(), "DATA_ANALYST"))));
        assertThat(socket.next(WAIT)).containsEntry("type", "connection_ack");
        socket.send(Map.of("type", "subscribe", "id", "s", "payload", Map.of("query",
                "subscription($s: ID) { segmentMembershipChanged(segmentId: $s) { segmentId profileId change at } }",
                "variables", segmentId == null ? Map.of() : Map.of("s", segmentId))));
        long deadline = System.nanoTime() + WAIT.toNanos();
        String channel = "cdp-segment-membership:" + in.id();
        while (pubSub.localSubscriberCount(channel) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nobody subscribed to " + channel);
            }
            Thread.onSpinWait();
        }
        return socket;
    }

    private static Object json(String text) throws Exception {
        return JSON.readValue(text, Object.class);
    }

    private static void ingest(GraphQLClient client, List<Map<String, Object>> events) {
        var result = client.execute(INGEST, Map.of("events", events)).assertNoErrors();
        assertThat(result.<Integer>data("ingestEvents.rejected")).as("%s", result.body()).isZero();
    }

    private void identify(List<Map<String, Object>> events, String person, Map<String, Object> traits) {
        users.putIfAbsent(person, id("user-" + person));
        events.add(Map.of("type", "IDENTIFY", "userId", users.get(person), "traits", traits,
                "timestamp", NOW.minus(Duration.ofDays(45)).toString()));
    }

    private void order(List<Map<String, Object>> events, String person, Instant at, int revenue) {
        events.add(track(person, "Order Completed", at, Map.of("revenue", revenue, "currency", "EUR")));
    }

    private Map<String, Object> track(String person, String event, Instant at, Map<String, Object> properties) {
        users.putIfAbsent(person, person.startsWith("new") || person.startsWith("other") ? person : id("user-" + person));
        return Map.of("type", "TRACK", "userId", users.get(person), "event", event, "properties", properties, "timestamp", at.toString());
    }
}
