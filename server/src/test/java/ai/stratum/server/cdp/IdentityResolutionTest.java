package ai.stratum.server.cdp;

import ai.stratum.server.cdp.ingest.EventRepointer;
import ai.stratum.server.support.TrackingClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How events from SDKs build profiles: the merge scenarios of a real site, over HTTP, read back through GraphQL. */
@MicronautTest(transactional = false)
class IdentityResolutionTest extends CdpIntegrationTest {

    @Inject
    EventRepointer repointer;

    private Tenant tenant;
    private TrackingClient tracking;

    @BeforeAll
    void aTenantWithASource() {
        tenant = newTenant();
        tracking = tracking();
    }

    @Test
    void anonymousBrowsingThenLoginAttachesTheBrowsingToTheKnownProfile() {
        String anon = id("anon");
        String user = id("user");
        send("page", "{\"anonymousId\": \"%s\", \"name\": \"Home\", \"timestamp\": \"2026-11-01T10:00:00Z\"}", anon);
        send("track", "{\"anonymousId\": \"%s\", \"event\": \"Product Viewed\", \"timestamp\": \"2026-11-01T10:01:00Z\"}", anon);
        Map<String, Object> browsing = profileBy(tenant.analyst(), "ANONYMOUS_ID", anon);
        assertThat(browsing.get("lifecycle")).isEqualTo("ANONYMOUS");

        send("identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\", \"traits\": {\"email\": \"%s@Example.com\"}, "
                + "\"timestamp\": \"2026-11-01T10:02:00Z\"}", anon, user, user);

        Map<String, Object> known = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(known.get("id")).isEqualTo(browsing.get("id"));
        assertThat(known.get("lifecycle")).isEqualTo("KNOWN");
        assertThat(known.get("eventCount")).isEqualTo(3);
        assertThat(known.get("firstSeen")).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(known.get("lastSeen")).isEqualTo("2026-11-01T10:02:00Z");
        assertThat(identifiers(known)).containsExactly("USER_ID:" + user, "EMAIL:" + user.toLowerCase() + "@example.com",
                "ANONYMOUS_ID:" + anon);
        assertThat(events(tenant.analyst(), (String) known.get("id"))).extracting(event -> event.get("type"))
                .containsExactly("IDENTIFY", "TRACK", "PAGE");
        assertThat(profileBy(tenant.analyst(), "EMAIL", " " + user.toUpperCase() + "@EXAMPLE.COM ").get("id")).isEqualTo(known.get("id"));
    }

    @Test
    void twoDevicesOfOneUserMergeOnLoginIntoTheOlderProfile() {
        String laptop = id("laptop");
        String phone = id("phone");
        String user = id("user");
        send("page", "{\"anonymousId\": \"%s\", \"timestamp\": \"2026-11-01T09:00:00Z\"}", laptop);
        send("identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\", \"traits\": {\"plan\": \"free\"}, "
                + "\"timestamp\": \"2026-11-01T09:05:00Z\"}", laptop, user);
        send("page", "{\"anonymousId\": \"%s\", \"timestamp\": \"2026-11-02T20:00:00Z\"}", phone);
        send("track", "{\"anonymousId\": \"%s\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": 30, \"currency\": \"USD\"}, "
                + "\"timestamp\": \"2026-11-02T20:05:00Z\"}", phone);
        String laptopProfile = (String) profileBy(tenant.analyst(), "USER_ID", user).get("id");
        String phoneProfile = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", phone).get("id");
        assertThat(phoneProfile).isNotEqualTo(laptopProfile);

        send("identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\", \"traits\": {\"plan\": \"pro\"}, "
                + "\"timestamp\": \"2026-11-02T20:10:00Z\"}", phone, user);

        Map<String, Object> merged = profileBy(tenant.analyst(), "ANONYMOUS_ID", phone);
        assertThat(merged.get("id")).isEqualTo(laptopProfile);
        assertThat(merged.get("mergedIds")).isEqualTo(List.of(phoneProfile));
        assertThat(merged.get("eventCount")).isEqualTo(5);
        assertThat(merged.get("orderCount")).isEqualTo(1);
        assertThat(merged.get("lifecycle")).isEqualTo("CUSTOMER");
        assertThat((Map<String, Object>) merged.get("traits")).containsEntry("plan", "pro");
        assertThat(merged.get("totalRevenue")).isEqualTo(List.of(Map.of("amount", 30.0, "amountMicros", 30_000_000, "currency", "USD")));
        assertThat(profile(tenant.analyst(), phoneProfile).get("id")).as("a merged id finds the survivor").isEqualTo(laptopProfile);
        assertThat(events(tenant.analyst(), laptopProfile)).as("the phone's events count before they are moved").hasSize(5)
                .allSatisfy(event -> assertThat(event.get("profileId")).isEqualTo(laptopProfile));

        Map<String, Object> graph = graph(laptopProfile);
        List<Map<String, Object>> merges = (List<Map<String, Object>>) graph.get("merges");
        assertThat(merges).singleElement().satisfies(merge -> {
            assertThat(merge.get("outcome")).isEqualTo("MERGED");
            assertThat(merge.get("reason")).isEqualTo("SHARED_IDENTIFIER");
            assertThat(merge.get("profileId")).isEqualTo(laptopProfile);
            assertThat(merge.get("otherProfileId")).isEqualTo(phoneProfile);
            assertThat(merge.get("identifier")).isEqualTo(Map.of("type", "ANONYMOUS_ID", "value", phone));
            assertThat((List<?>) merge.get("eventIdentifiers")).hasSize(2);
        });

        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND profile_id = ?", tenant.uuid(), UUID.fromString(phoneProfile)))
                .isEqualTo(2);
        repointer.runOnce().block();
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND profile_id = ?", tenant.uuid(), UUID.fromString(phoneProfile)))
                .isZero();
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND profile_id = ?", tenant.uuid(), UUID.fromString(laptopProfile)))
                .isEqualTo(5);
        assertThat(rows("SELECT events_repointed_at IS NOT NULL, merged_into FROM cdp_profiles WHERE tenant_id = ? AND id = ?",
                tenant.uuid(), UUID.fromString(phoneProfile)).get(0)).containsExactly(true, UUID.fromString(laptopProfile));
    }

    @Test
    void aSharedDeviceStopsMergingPeopleAtTheEmailLimit() {
        String kiosk = id("kiosk");
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            emails.add(id("shopper" + i) + "@example.com");
            send("identify", "{\"anonymousId\": \"%s\", \"traits\": {\"email\": \"%s\"}, \"timestamp\": \"2026-11-01T10:0%d:00Z\"}",
                    kiosk, emails.get(i - 1), i);
        }

        Map<String, Object> kioskProfile = profileBy(tenant.analyst(), "ANONYMOUS_ID", kiosk);
        Map<String, Object> sixth = profileBy(tenant.analyst(), "EMAIL", emails.get(5));
        assertThat(identifiers(kioskProfile)).filteredOn(identifier -> identifier.startsWith("EMAIL:")).hasSize(5);
        assertThat(sixth.get("id")).isNotEqualTo(kioskProfile.get("id"));
        assertThat(identifiers(sixth)).containsExactly("EMAIL:" + emails.get(5));
        assertThat(sixth.get("eventCount")).isEqualTo(1);

        Map<String, Object> graph = graph((String) sixth.get("id"));
        assertThat((List<Map<String, Object>>) graph.get("merges")).singleElement().satisfies(refusal -> {
            assertThat(refusal.get("outcome")).isEqualTo("REFUSED");
            assertThat(refusal.get("reason")).isEqualTo("MAX_EMAILS_PER_PROFILE");
            assertThat(refusal.get("profileId")).isEqualTo(sixth.get("id"));
            assertThat(refusal.get("otherProfileId")).isEqualTo(kioskProfile.get("id"));
            assertThat(refusal.get("identifier")).isEqualTo(Map.of("type", "ANONYMOUS_ID", "value", kiosk));
        });
        assertThat((List<Map<String, Object>>) graph.get("edges")).singleElement().satisfies(edge -> {
            assertThat(edge.get("linked")).isEqualTo(false);
            assertThat(edge.get("from")).isEqualTo("EMAIL:" + emails.get(5));
            assertThat(edge.get("to")).isEqualTo("ANONYMOUS_ID:" + kiosk);
        });
        assertThat((List<Map<String, Object>>) graph.get("nodes")).extracting(node -> node.get("id"), node -> node.get("profileId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EMAIL:" + emails.get(5), sixth.get("id")),
                        org.assertj.core.groups.Tuple.tuple("ANONYMOUS_ID:" + kiosk, kioskProfile.get("id")));
        assertThat(count("SELECT count(*) FROM cdp_merges WHERE tenant_id = ? AND outcome = 'REFUSED' AND identifier_value = ?",
                tenant.uuid(), kiosk)).isEqualTo(1);
    }

    @Test
    void aSecondUserOnTheSameDeviceKeepsTheirOwnProfile() {
        String device = id("device");
        String alice = id("alice");
        String bob = id("bob");
        send("identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\", \"timestamp\": \"2026-11-01T10:00:00Z\"}", device, alice);
        send("track", "{\"anonymousId\": \"%s\", \"userId\": \"%s\", \"event\": \"Signed In\", \"timestamp\": \"2026-11-01T11:00:00Z\"}",
                device, bob);

        Map<String, Object> aliceProfile = profileBy(tenant.analyst(), "USER_ID", alice);
        Map<String, Object> bobProfile = profileBy(tenant.analyst(), "USER_ID", bob);
        assertThat(bobProfile.get("id")).isNotEqualTo(aliceProfile.get("id"));
        assertThat(identifiers(aliceProfile)).containsExactly("USER_ID:" + alice, "ANONYMOUS_ID:" + device);
        assertThat(identifiers(bobProfile)).containsExactly("USER_ID:" + bob);
        assertThat(events(tenant.analyst(), (String) bobProfile.get("id"))).extracting(event -> event.get("event"))
                .containsExactly("Signed In");
        assertThat(rows("SELECT outcome, reason, profile_id::text, other_profile_id::text FROM cdp_merges WHERE tenant_id = ? AND message_id IN "
                        + "(SELECT message_id FROM cdp_events WHERE tenant_id = ? AND user_id = ?)", tenant.uuid(), tenant.uuid(), bob))
                .containsExactly(List.of("REFUSED", "MAX_USER_IDS_PER_PROFILE", bobProfile.get("id"), aliceProfile.get("id")));
    }

    @Test
    void anAliasCallMergesTheAnonymousHistoryIntoTheUser() {
        String anon = id("anon");
        String user = id("user");
        send("identify", "{\"userId\": \"%s\", \"timestamp\": \"2026-11-01T10:00:00Z\"}", user);
        send("page", "{\"anonymousId\": \"%s\", \"timestamp\": \"2026-11-01T10:05:00Z\"}", anon);

        send("alias", "{\"previousId\": \"%s\", \"userId\": \"%s\", \"timestamp\": \"2026-11-01T10:06:00Z\"}", anon, user);

        Map<String, Object> profile = profileBy(tenant.analyst(), "ANONYMOUS_ID", anon);
        assertThat(profile).isEqualTo(profileBy(tenant.analyst(), "USER_ID", user));
        assertThat(profile.get("eventCount")).isEqualTo(3);
        assertThat((List<Map<String, Object>>) graph((String) profile.get("id")).get("merges"))
                .extracting(merge -> merge.get("reason")).containsExactly("ALIAS");
    }

    @Test
    void concurrentEventsCarryingTheSameNewIdentifiersCreateOneProfile() throws Exception {
        String user = id("user");
        String email = id("someone") + "@example.com";
        int requests = 12;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String body = "{\"anonymousId\": \"" + id("device") + "\", \"userId\": \"" + user + "\", \"traits\": {\"email\": \"" + email + "\"}}";
                calls.add(() -> tracking.send(tenant.writeKey(), "identify", body).status());
            }
            List<Future<Integer>> results = pool.invokeAll(calls, 60, TimeUnit.SECONDS);
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(profile.get("eventCount")).isEqualTo(requests);
        assertThat(identifiers(profile)).filteredOn(identifier -> identifier.startsWith("ANONYMOUS_ID:")).hasSize(requests);
        assertThat(count("SELECT count(DISTINCT p.id) FROM cdp_profiles p WHERE p.tenant_id = ? AND p.id IN "
                + "(SELECT profile_id FROM cdp_events WHERE tenant_id = ? AND user_id = ?)", tenant.uuid(), tenant.uuid(), user)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cdp_merges WHERE tenant_id = ? AND identifier_value = ?", tenant.uuid(), user)).isZero();
    }

    @Test
    void concurrentResendsOfOneMessageIdStoreItOnce() throws Exception {
        String user = id("user");
        String body = "{\"messageId\": \"" + id("m") + "\", \"userId\": \"" + user + "\", \"event\": \"Order Completed\", "
                + "\"properties\": {\"revenue\": 5}}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> tracking.send(tenant.writeKey(), "track", body).body());
            }
            int accepted = 0;
            for (Future<Map<String, Object>> result : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                accepted += ((Number) result.get().get("accepted")).intValue();
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(profile.get("eventCount")).isEqualTo(1);
        assertThat(profile.get("totalRevenue")).isEqualTo(List.of(Map.of("amount", 5.0, "amountMicros", 5_000_000, "currency", "EUR")));
    }

    @Test
    void theLifecycleMovesFromAnonymousToKnownToCustomer() {
        String anon = id("anon");
        String user = id("user");
        send("page", "{\"anonymousId\": \"%s\"}", anon);
        String anonymous = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", anon).get("lifecycle");
        send("identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\"}", anon, user);
        String known = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", anon).get("lifecycle");
        send("track", "{\"userId\": \"%s\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o-1\", \"revenue\": 19.99}}", user);
        send("track", "{\"userId\": \"%s\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o-2\", \"total\": \"0.01\", "
                + "\"currency\": \"usd\"}}", user);
        send("track", "{\"userId\": \"%s\", \"event\": \"Product Added\", \"properties\": {\"price\": 100}}", user);
        Map<String, Object> customer = profileBy(tenant.analyst(), "ANONYMOUS_ID", anon);

        assertThat(List.of(anonymous, known, customer.get("lifecycle"))).containsExactly("ANONYMOUS", "KNOWN", "CUSTOMER");
        assertThat(customer.get("orderCount")).isEqualTo(2);
        assertThat((List<Map<String, Object>>) customer.get("totalRevenue")).containsExactlyInAnyOrder(
                Map.of("amount", 19.99, "amountMicros", 19_990_000, "currency", "EUR"),
                Map.of("amount", 0.01, "amountMicros", 10_000, "currency", "USD"));
    }

    @Test
    void anOlderEventNeverOverwritesANewerTrait() {
        String user = id("user");
        send("identify", "{\"userId\": \"%s\", \"traits\": {\"plan\": \"pro\", \"createdAt\": \"2026-01-01\"}, "
                + "\"timestamp\": \"2026-11-10T10:00:00Z\"}", user);
        send("identify", "{\"userId\": \"%s\", \"traits\": {\"plan\": \"free\", \"city\": \"Oslo\", \"createdAt\": \"2025-06-01\"}, "
                + "\"timestamp\": \"2026-11-01T10:00:00Z\"}", user);
        send("identify", "{\"userId\": \"%s\", \"traits\": {\"createdAt\": \"2026-05-05\", \"name\": null}, "
                + "\"timestamp\": \"2026-11-20T10:00:00Z\"}", user);

        Map<String, Object> traits = (Map<String, Object>) profileBy(tenant.analyst(), "USER_ID", user).get("traits");

        assertThat(traits).containsEntry("plan", "pro").containsEntry("city", "Oslo")
                .as("createdAt keeps its first value (STRATUM_CDP_TRAIT_MERGE default)").containsEntry("createdAt", "2025-06-01")
                .doesNotContainKey("name");
    }

    @Test
    void contextTraitsOfAnyCallFeedTheProfile() {
        String anon = id("anon");
        send("track", "{\"anonymousId\": \"%s\", \"event\": \"Newsletter Joined\", \"context\": {\"traits\": "
                + "{\"email\": \"%s@example.com\", \"phone\": \"+1 (555) 010-9999\"}}}", anon, anon);

        Map<String, Object> profile = profileBy(tenant.analyst(), "PHONE", "+15550109999");

        assertThat(profile.get("lifecycle")).isEqualTo("KNOWN");
        assertThat(identifiers(profile)).contains("EMAIL:" + anon + "@example.com", "PHONE:+15550109999");
    }

    @Test
    void clickIdsAndExternalIdsAreIdentifiers() {
        String anon = id("anon");
        send("page", "{\"anonymousId\": \"%s\", \"context\": {\"page\": {\"url\": \"https://shop.example/?fbclid=F-%s&x=1\"}, "
                + "\"externalIds\": [{\"id\": \"42-%s\", \"type\": \"hubspot_id\", \"collection\": \"users\", \"encoding\": \"none\"}]}}",
                anon, anon, anon);

        Map<String, Object> profile = profileBy(tenant.analyst(), "CLICK_ID", "fbclid:F-" + anon);

        assertThat(identifiers(profile)).contains("CLICK_ID:fbclid:F-" + anon, "EXTERNAL_ID:hubspot_id:42-" + anon);
        assertThat(profile.get("lifecycle")).isEqualTo("ANONYMOUS");
        assertThat(profileBy(tenant.analyst(), "EXTERNAL_ID", "HubSpot_ID:42-" + anon).get("id")).isEqualTo(profile.get("id"));
    }

    @Test
    void theGraphCountsHowOftenTwoIdentifiersWereSeenTogether() {
        String anon = id("anon");
        String user = id("user");
        for (int i = 0; i < 3; i++) {
            send("track", "{\"anonymousId\": \"%s\", \"userId\": \"%s\", \"event\": \"Viewed\", \"timestamp\": \"2026-11-0%dT10:00:00Z\"}",
                    anon, user, i + 1);
        }

        Map<String, Object> graph = graph((String) profileBy(tenant.analyst(), "USER_ID", user).get("id"));

        assertThat((List<Map<String, Object>>) graph.get("edges")).singleElement().satisfies(edge -> {
            assertThat(edge.get("eventCount")).isEqualTo(3);
            assertThat(edge.get("linked")).isEqualTo(true);
            assertThat(edge.get("firstSeen")).isEqualTo("2026-11-01T10:00:00Z");
            assertThat(edge.get("lastSeen")).isEqualTo("2026-11-03T10:00:00Z");
        });
        assertThat(graph.get("truncated")).isEqualTo(false);
    }

    @Test
    void aMergeChainEndsInOneLiveProfileAndEveryOldIdFindsIt() {
        String a = id("a");
        String b = id("b");
        String c = id("c");
        send("page", "{\"anonymousId\": \"%s\"}", a);
        send("page", "{\"anonymousId\": \"%s\"}", b);
        send("page", "{\"anonymousId\": \"%s\"}", c);
        String first = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", a).get("id");
        String second = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", b).get("id");
        String third = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", c).get("id");

        send("batch", "{\"batch\": [{\"type\": \"track\", \"anonymousId\": \"%s\", \"event\": \"x\", \"context\": {\"externalIds\": "
                + "[{\"id\": \"%s\", \"type\": \"anonymous_id\"}]}}, {\"type\": \"track\", \"anonymousId\": \"%s\", \"event\": \"y\", "
                + "\"context\": {\"externalIds\": [{\"id\": \"%s\", \"type\": \"anonymous_id\"}]}}]}", c, b, b, a);

        for (String old : List.of(first, second, third)) {
            assertThat(profile(tenant.analyst(), old).get("id")).isEqualTo(first);
        }
        Map<String, Object> survivor = profile(tenant.analyst(), first);
        assertThat((List<String>) survivor.get("mergedIds")).containsExactlyInAnyOrder(second, third);
        assertThat(survivor.get("eventCount")).isEqualTo(5);
        assertThat(rows("SELECT DISTINCT merged_into::text FROM cdp_profiles WHERE tenant_id = ? AND id IN (?, ?)", tenant.uuid(),
                UUID.fromString(second), UUID.fromString(third))).containsExactly(List.of(first));
        repointer.runOnce().block();
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND profile_id = ?", tenant.uuid(), UUID.fromString(first)))
                .isEqualTo(5);
    }

    private void send(String call, String template, Object... values) {
        TrackingClient.Response response = tracking.send(tenant.writeKey(), call, template.formatted(values));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body()).as(response.body().toString()).containsEntry("success", true);
    }

    private Map<String, Object> graph(String profileId) {
        return tenant.analyst().execute("query($id: ID!) { identityGraph(profileId: $id) { profileId truncated "
                        + "nodes { id type value profileId } edges { from to eventCount firstSeen lastSeen linked } "
                        + "merges { id outcome reason profileId otherProfileId identifier { type value } eventIdentifiers { type value } "
                        + "sourceId messageId createdAt } } }", Map.of("id", profileId))
                .assertNoErrors().data("identityGraph");
    }

    private static List<String> identifiers(Map<String, Object> profile) {
        return ((List<Map<String, Object>>) profile.get("identifiers")).stream()
                .map(identifier -> identifier.get("type") + ":" + identifier.get("value")).toList();
    }
}
