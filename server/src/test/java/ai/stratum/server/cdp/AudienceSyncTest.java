package ai.stratum.server.cdp;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.DemoAccounts;
import ai.stratum.sandbox.DemoAccounts.DemoAccount;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.SandboxPlatforms;
import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.Tokens;
import ai.stratum.server.connectors.PlatformProperties;
import ai.stratum.server.support.GraphQLClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segments sent to the simulated platforms through the real plugins: per-platform hashing,
 * consent, incremental adds and removes, erasure, match figures, failures and bad requests.
 */
@MicronautTest(transactional = false)
class AudienceSyncTest extends CdpIntegrationTest {

    private static final String SYNC = "mutation($s: ID!, $p: [Platform!]!) { syncAudience(segmentId: $s, platforms: $p) { id status platform } }";
    private static final String RUN = "query($id: ID!) { audienceSync(id: $id) { id status platform accountId eligible "
            + "skippedWithoutConsent added removed received invalid uploadedCount matchedCount error startedAt finishedAt } }";

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private Sandbox sandbox;
    private Tenant tenant;

    @Override
    protected Map<String, String> extraProperties() {
        sandbox = SandboxPlatforms.everyPlatform().build();
        DemoAccounts.install(sandbox);
        Map<String, String> properties = new HashMap<>();
        for (Platform platform : Platform.values()) {
            PlatformProperties.pointingAt(platform, sandbox.endpoints(platform).api(), Tokens.CLIENT_ID, Tokens.CLIENT_SECRET)
                    .forEach((key, value) -> properties.put(key, String.valueOf(value)));
        }
        return properties;
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }

    @BeforeAll
    void aTenantConnectedToMetaAndGoogle() {
        tenant = newTenant();
        connect(Platform.META);
        connect(Platform.GOOGLE);
    }

    @Test
    void sendsConsentingMembersHashedAsEachPlatformWantsThenOnlyWhatChanged() throws Exception {
        Gold gold = goldSegment();

        List<Map<String, Object>> first = syncAndWait(gold, List.of("META", "GOOGLE"));

        assertThat(first).allSatisfy(run -> assertThat(run)
                .containsEntry("status", "SUCCEEDED").containsEntry("eligible", 2).containsEntry("skippedWithoutConsent", 2)
                .containsEntry("added", 3).containsEntry("removed", 0).containsEntry("invalid", 0).containsEntry("error", null));
        assertThat(members(gold, Platform.META, "EMAIL_SHA256")).containsExactlyInAnyOrder(sha(gold.email("ann")), sha(gold.email("bob")));
        assertThat(members(gold, Platform.GOOGLE, "EMAIL_SHA256")).containsExactlyInAnyOrder(sha(gold.email("ann")), sha(gold.email("bob")));
        // Meta hashes the digits with the country code, Google the E.164 form; bob's number has no country code
        assertThat(members(gold, Platform.META, "PHONE_SHA256")).containsExactly(sha(gold.annPhone().substring(1)));
        assertThat(members(gold, Platform.GOOGLE, "PHONE_SHA256")).containsExactly(sha(gold.annPhone()));
        assertThat(first).filteredOn(run -> run.get("platform").equals("META"))
                .allSatisfy(run -> assertThat(run.get("matchedCount")).isNotNull());

        List<Map<String, Object>> again = syncAndWait(gold, List.of("META"));

        assertThat(again.get(0)).containsEntry("status", "SUCCEEDED").containsEntry("added", 0).containsEntry("removed", 0);
    }

    @Test
    void aWithdrawnConsentAndAnErasureLeaveThePlatformsAudiencesOnTheNextSync() throws Exception {
        Gold gold = goldSegment();
        syncAndWait(gold, List.of("META", "GOOGLE"));
        consent(gold, "bob", false);

        List<Map<String, Object>> withdrawn = syncAndWait(gold, List.of("META", "GOOGLE"));

        assertThat(withdrawn).allSatisfy(run -> assertThat(run).containsEntry("removed", 1).containsEntry("eligible", 1));
        assertThat(members(gold, Platform.META, "EMAIL_SHA256")).containsExactly(sha(gold.email("ann")));

        tenant.admin().execute("mutation($id: ID!) { eraseProfile(id: $id) }", Map.of("id", gold.profiles().get("ann"))).assertNoErrors();
        assertThat(pendingErasures()).isEqualTo(1);

        List<Map<String, Object>> erased = syncAndWait(gold, List.of("META", "GOOGLE"));

        assertThat(erased).allSatisfy(run -> assertThat(run).containsEntry("removed", 2).containsEntry("eligible", 0));
        assertThat(members(gold, Platform.META, "EMAIL_SHA256")).isEmpty();
        assertThat(members(gold, Platform.GOOGLE, "PHONE_SHA256")).isEmpty();
        assertThat(count("SELECT count(*) FROM cdp_audience_removals WHERE tenant_id = ?::uuid", tenant.id())).isZero();
        assertThat(pendingErasures()).isZero();
    }

    @Test
    void aPlatformFailureFailsThatRunAloneAndTheNextSyncCatchesUp() throws Exception {
        Gold gold = goldSegment();
        sandbox.state(Platform.META).faults().inject(new Fault.Malformed(), 100);
        try {
            List<Map<String, Object>> runs = syncAndWait(gold, List.of("META", "GOOGLE"));

            assertThat(runs).filteredOn(run -> run.get("platform").equals("META")).singleElement().satisfies(run -> {
                assertThat(run).containsEntry("status", "FAILED").containsEntry("added", 0);
                assertThat((String) run.get("error")).isNotBlank().doesNotContain("Exception");
            });
            assertThat(runs).filteredOn(run -> run.get("platform").equals("GOOGLE")).singleElement()
                    .satisfies(run -> assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("added", 3));
        } finally {
            sandbox.state(Platform.META).faults().clear();
        }

        List<Map<String, Object>> retried = syncAndWait(gold, List.of("META"));

        assertThat(retried.get(0)).containsEntry("status", "SUCCEEDED").containsEntry("added", 3);
    }

    @Test
    void refusesWhatCannotBeSyncedNamingWhy() throws Exception {
        Gold gold = goldSegment();
        GraphQLClient buyer = tenant.buyer();

        assertThat(buyer.execute(SYNC, Map.of("s", gold.segment(), "p", List.of())).errorCode()).isEqualTo("BAD_USER_INPUT");
        var unconnected = buyer.execute(SYNC, Map.of("s", gold.segment(), "p", List.of("TIKTOK")));
        assertThat(unconnected.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(unconnected.errorMessage()).contains("TIKTOK");
        assertThat(buyer.execute(SYNC, Map.of("s", "00000000-0000-0000-0000-000000000000", "p", List.of("META"))).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(buyer.execute(SYNC, Map.of("s", "not-an-id", "p", List.of("META"))).errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(tenant.analyst().execute(SYNC, Map.of("s", gold.segment(), "p", List.of("META"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(tenant.viewer().execute("query($s: ID!) { audiences(segmentId: $s) { id } }", Map.of("s", gold.segment()))
                .errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anotherTenantSeesNeitherTheSegmentNorItsSyncs() throws Exception {
        Gold gold = goldSegment();
        String run = syncAndWait(gold, List.of("GOOGLE")).get(0).get("id").toString();
        Tenant other = newTenant();

        assertThat(other.analyst().execute(RUN, Map.of("id", run)).assertNoErrors().<Object>data("audienceSync")).isNull();
        assertThat(other.analyst().execute("query($s: ID!) { audiences(segmentId: $s) { id } }", Map.of("s", gold.segment()))
                .assertNoErrors().<List<?>>data("audiences")).isEmpty();
    }

    /**
     * Four customers of a plan of their own: ann (an e-mail and an international phone) and bob (a
     * phone without its country code) granted advertising consent; cat stated nothing; dan refused.
     * Eve, on another plan, is not in the segment.
     */
    private Gold goldSegment() throws Exception {
        String plan = id("gold");
        int n = PEOPLE.incrementAndGet();
        String annPhone = "+1555%07d".formatted(n);
        Gold gold = new Gold(plan, annPhone, new HashMap<>(), null);
        String batch = """
                {"batch": [
                  {"type": "identify", "messageId": "%1$s-1", "userId": "%1$s-ann", "traits": {"email": " %2$s ", "phone": "%3$s", "plan": "%1$s"}},
                  {"type": "identify", "messageId": "%1$s-2", "userId": "%1$s-bob", "traits": {"email": "%4$s", "phone": "555 010 %5$04d", "plan": "%1$s"}},
                  {"type": "identify", "messageId": "%1$s-3", "userId": "%1$s-cat", "traits": {"email": "%6$s", "plan": "%1$s"}},
                  {"type": "identify", "messageId": "%1$s-4", "userId": "%1$s-dan", "traits": {"email": "%7$s", "plan": "%1$s"}},
                  {"type": "identify", "messageId": "%1$s-5", "userId": "%1$s-eve", "traits": {"email": "%8$s", "plan": "free"}}
                ]}""".formatted(plan, gold.email("ann").toUpperCase(Locale.ROOT), annPhone, gold.email("bob"), n % 10_000,
                gold.email("cat"), gold.email("dan"), gold.email("eve"));
        assertThat(tracking().send(tenant.writeKey(), "batch", batch).status()).isEqualTo(200);
        for (String person : List.of("ann", "bob", "cat", "dan")) {
            gold.profiles().put(person, profileBy(tenant.admin(), "USER_ID", plan + "-" + person).get("id").toString());
        }
        consent(gold, "ann", true);
        consent(gold, "bob", true);
        consent(gold, "dan", false);
        String segment = tenant.analyst().execute("mutation($p: JSON!) { createSegment(input: { name: \"Gold\", rules: "
                + "{ trait: { trait: \"plan\", operator: EQUALS, value: $p } } }) { id } }", Map.of("p", plan))
                .assertNoErrors().data("createSegment.id");
        Gold created = new Gold(plan, annPhone, gold.profiles(), segment);
        awaitSegmentSize(created, 4);
        return created;
    }

    /** A segment of {@link #goldSegment()}'s people. */
    private record Gold(String plan, String annPhone, Map<String, String> profiles, String segment) {

        String email(String person) {
            return person + "." + plan + "@example.com";
        }
    }

    private void connect(Platform platform) {
        DemoAccount account = DemoAccounts.all().stream().filter(a -> a.platform() == platform).findFirst().orElseThrow();
        tenant.admin().execute("mutation($i: ConnectAccountInput!) { connectAccount(input: $i) { id } }",
                Map.of("i", Map.of("platform", platform.name(), "accountId", account.spec().accountId(),
                        "displayName", "Audience test", "accessToken", account.accessToken()))).assertNoErrors();
    }

    private void consent(Gold gold, String person, boolean granted) {
        tenant.admin().execute("mutation($id: ID!, $g: Boolean!) { setConsent(profileId: $id, consent: "
                + "[{ purpose: ADVERTISING, granted: $g }]) { id } }", Map.of("id", gold.profiles().get(person), "g", granted))
                .assertNoErrors();
    }

    private long pendingErasures() {
        return count("SELECT count(*) FROM cdp_erasures WHERE tenant_id = ?::uuid AND audiences_cleared_at IS NULL", tenant.id());
    }

    private void awaitSegmentSize(Gold gold, int size) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (tenant.analyst().execute("query($id: ID!) { segment(id: $id) { size } }", Map.of("id", gold.segment())).assertNoErrors()
                .<Number>data("segment.size").intValue() != size) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the segment did not reach " + size + " members within 30 s");
            }
            Thread.sleep(200);
        }
    }

    private List<Map<String, Object>> syncAndWait(Gold gold, List<String> platforms) throws InterruptedException {
        List<Map<String, Object>> started = tenant.buyer().execute(SYNC, Map.of("s", gold.segment(), "p", platforms))
                .assertNoErrors().data("syncAudience");
        assertThat(started).hasSize(platforms.size());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            List<Map<String, Object>> runs = started.stream()
                    .map(run -> tenant.analyst().execute(RUN, Map.of("id", run.get("id"))).assertNoErrors()
                            .<Map<String, Object>>data("audienceSync"))
                    .toList();
            if (runs.stream().noneMatch(run -> run.get("status").equals("RUNNING"))) {
                return runs;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("audience syncs still running after a minute: " + runs);
            }
            Thread.sleep(200);
        }
    }

    /** The hashes the simulated platform's audience of the segment holds. */
    private Set<String> members(Gold gold, Platform platform, String identifierType) {
        List<Map<String, Object>> audiences = tenant.analyst().execute("query($s: ID!) { audiences(segmentId: $s) "
                + "{ platform identifierType platformAudienceId size } }", Map.of("s", gold.segment())).assertNoErrors().data("audiences");
        return audiences.stream()
                .filter(audience -> audience.get("platform").equals(platform.name()) && audience.get("identifierType").equals(identifierType))
                .findFirst()
                .map(audience -> sandbox.state(platform).audiences().members((String) audience.get("platformAudienceId")))
                .orElseThrow(() -> new AssertionError("no " + identifierType + " audience on " + platform));
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
