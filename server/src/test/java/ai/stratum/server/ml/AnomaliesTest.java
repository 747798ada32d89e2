package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.lock.Lease;
import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.WebSocketClient;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anomaly scans over sandbox campaigns with injected faults, as a client sees their results: listed by
 * {@code anomalies}, announced on {@code anomalyDetected}.
 */
@MicronautTest(transactional = false)
class AnomaliesTest extends IntegrationTest {

    static final String QUERY = "query($f: Date!, $t: Date!, $p: Platform, $c: String, $m: AnomalyMethod) { "
            + "anomalies(from: $f, to: $t, platform: $p, campaignId: $c, method: $m) { platform campaignId date metric method score value "
            + "expected currency detectedAt } }";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AnomalyScanner scanner;

    @Inject
    PubSub pubSub;

    @Inject
    DistributedLock locks;

    private final SandboxAccount sandbox = new SandboxAccount(83, 8, false);
    /** The three campaigns with the most conversions: a lost day of tracking is unmistakable there. */
    private final List<SimulatedCampaign> biggest = sandbox.campaigns().stream()
            .sorted((a, b) -> Double.compare(b.profile().maxDailyRevenue() / b.profile().averageOrderValue(),
                    a.profile().maxDailyRevenue() / a.profile().averageOrderValue()))
            .limit(3).toList();
    private List<AnomalyView> firstScan;
    private List<AnomalyView> secondScan;
    private final LocalDate today = MlFixtures.today();
    private String tenant;
    private String viewerToken;
    private GraphQLClient viewer;
    private GraphQLClient otherTenant;

    @BeforeAll
    void tenantWithFaultyDays() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        tenant = MlFixtures.tenant(superAdmin, unique("Anomalies"));
        viewerToken = login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD);
        viewer = graphql().withToken(viewerToken);
        otherTenant = graphql().withToken(login(MlFixtures.user(superAdmin, MlFixtures.tenant(superAdmin, unique("Anomalies other")),
                "VIEWER"), MlFixtures.PASSWORD));
        for (int i = 0; i < 3; i++) {
            List<DayOutcome> days = new ArrayList<>(MlFixtures.sandboxDays(sandbox, biggest.get(i), today.minusDays(1), 90));
            if (i == 0) {
                replace(days, today.minusDays(3), day -> new DayOutcome(day.campaignId(), day.date(), day.spendMicros() * 3,
                        day.impressions() * 3, day.clicks() * 3, day.conversions(), day.revenueMicros()));
            } else if (i == 1) {
                replace(days, today.minusDays(5), day -> new DayOutcome(day.campaignId(), day.date(), day.spendMicros(), day.impressions(),
                        day.clicks(), 0, 0));
            }
            MlFixtures.days(tenant, "META", "a" + i, "USD", days);
        }
        firstScan = scanner.scan(tenantId()).block(WAIT);
        secondScan = scanner.scan(tenantId()).block(WAIT);
    }

    @Test
    void listsTheInjectedFaultsAfterAScanAndStoresEachOnce() {
        assertThat(firstScan).isNotEmpty();
        assertThat(secondScan).isEmpty();
        List<Map<String, Object>> listed = list(Map.of("f", today.minusDays(14).toString(), "t", today.toString()));
        assertThat(listed).hasSize(firstScan.size());
        assertThat(listed).anySatisfy(anomaly -> assertThat(anomaly).containsEntry("campaignId", "a0")
                .containsEntry("date", today.minusDays(3).toString()).containsEntry("metric", "SPEND").containsEntry("method", "Z_SCORE")
                .containsEntry("currency", "USD").containsEntry("platform", "META"));
        assertThat(listed).anySatisfy(anomaly -> assertThat(anomaly).containsEntry("campaignId", "a1")
                .containsEntry("date", today.minusDays(5).toString()).containsEntry("metric", "CONVERSIONS")
                .containsEntry("method", "Z_SCORE").containsEntry("value", 0.0));
        assertThat(listed).filteredOn(anomaly -> "ISOLATION_FOREST".equals(anomaly.get("method")))
                .extracting(anomaly -> anomaly.get("campaignId") + " " + anomaly.get("date"))
                .contains("a0 " + today.minusDays(3), "a1 " + today.minusDays(5));
        for (Map<String, Object> anomaly : listed) {
            double score = ((Number) anomaly.get("score")).doubleValue();
            assertThat(score).isGreaterThan("Z_SCORE".equals(anomaly.get("method")) ? 3.0 : 0.66 - 1e-9);
        }
    }

    @Test
    void filtersByPlatformCampaignAndMethod() {
        String from = today.minusDays(14).toString();

        assertThat(list(Map.of("f", from, "t", today.toString(), "c", "a1"))).isNotEmpty()
                .allSatisfy(anomaly -> assertThat(anomaly).containsEntry("campaignId", "a1"));
        assertThat(list(Map.of("f", from, "t", today.toString(), "m", "ISOLATION_FOREST"))).isNotEmpty()
                .allSatisfy(anomaly -> assertThat(anomaly).containsEntry("method", "ISOLATION_FOREST"));
        assertThat(list(Map.of("f", from, "t", today.toString(), "p", "GOOGLE"))).isEmpty();
        assertThat(list(Map.of("f", today.minusDays(3).toString(), "t", today.minusDays(3).toString(), "c", "a0"))).isNotEmpty()
                .allSatisfy(anomaly -> assertThat(anomaly).containsEntry("date", today.minusDays(3).toString()));
    }

    @Test
    void showsATenantOnlyItsOwnAnomalies() {
        List<Map<String, Object>> others = otherTenant.execute(QUERY, Map.of("f", today.minusDays(14).toString(), "t", today.toString()))
                .assertNoErrors().data("anomalies");
        assertThat(others).isEmpty();
    }

    @Test
    void announcesANewAnomalyToSubscribersOfTheTenant() {
        String fresh = MlFixtures.tenant(graphql().withToken(loginAsAdmin()), unique("Anomalies live"));
        String token = login(MlFixtures.user(graphql().withToken(loginAsAdmin()), fresh, "VIEWER"), MlFixtures.PASSWORD);
        List<DayOutcome> days = new ArrayList<>(MlFixtures.sandboxDays(sandbox, biggest.get(2), today.minusDays(1), 60));
        replace(days, today.minusDays(2), day -> new DayOutcome(day.campaignId(), day.date(), day.spendMicros() * 4, day.impressions() * 4,
                day.clicks() * 4, day.conversions(), day.revenueMicros()));
        MlFixtures.days(fresh, "TIKTOK", "live-1", "USD", days);
        try (WebSocketClient socket = initialised(token)) {
            socket.send(Map.of("type", "subscribe", "id", "a", "payload", Map.of("query",
                    "subscription { anomalyDetected(method: Z_SCORE) { platform campaignId date metric method score } }")));
            awaitSubscribers("ml-anomalies:" + fresh);

            scanner.scan(new TenantId(UUID.fromString(fresh))).block(WAIT);

            // the injected day, among whatever else the scan found (each is announced once)
            List<Map<String, Object>> received = new ArrayList<>();
            while (received.stream().noneMatch(message -> message.toString().contains(today.minusDays(2).toString()))) {
                received.add(socket.next(WAIT));
            }
            assertThat(received).allSatisfy(message -> {
                assertThat(message).containsEntry("type", "next").containsEntry("id", "a");
                assertThat(message.toString()).contains("live-1").contains("TIKTOK").contains("Z_SCORE").doesNotContain("ISOLATION_FOREST");
            });
            assertThat(received.get(received.size() - 1).toString()).contains("metric=SPEND");
        }
    }

    @Test
    void skipsAScanWhileAnotherOfTheSameTenantRuns() {
        String busy = MlFixtures.tenant(graphql().withToken(loginAsAdmin()), unique("Anomalies busy"));
        List<DayOutcome> days = new ArrayList<>(MlFixtures.sandboxDays(sandbox, biggest.get(0), today.minusDays(1), 60));
        replace(days, today.minusDays(2), day -> new DayOutcome(day.campaignId(), day.date(), day.spendMicros() * 5, day.impressions(),
                day.clicks(), day.conversions(), day.revenueMicros()));
        MlFixtures.days(busy, "META", "b1", "USD", days);
        TenantId tenantId = new TenantId(UUID.fromString(busy));
        Lease running = locks.tryAcquire("ml-anomaly-scan:" + busy, Duration.ofMinutes(1)).block(WAIT).orElseThrow();

        assertThat(scanner.scan(tenantId).block(WAIT)).isEmpty();

        running.release().block(WAIT);
        assertThat(scanner.scan(tenantId).block(WAIT)).isNotEmpty();
    }

    @Test
    void refusesARangeBackwardsOrLongerThanAQuarter() {
        assertBadRange(viewer.execute(QUERY, Map.of("f", "2026-03-10", "t", "2026-03-09")), "'to' (2026-03-09) is before 'from' (2026-03-10)");
        assertBadRange(viewer.execute(QUERY, Map.of("f", "2026-01-01", "t", "2026-04-03")), "At most 92 days per request");
        assertThat(viewer.execute(QUERY, Map.of("f", "2026-01-01", "t", "2026-04-02")).errors()).isEmpty();
    }

    @Test
    void needsAuthentication() {
        assertThat(graphql().execute(QUERY, Map.of("f", "2026-03-01", "t", "2026-03-09")).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @SuppressWarnings("unchecked")
    private static void assertBadRange(GraphQLClient.Result result, String message) {
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat((Map<String, Object>) result.errors().get(0).get("extensions")).containsEntry("field", "to");
        assertThat(result.errorMessage()).contains(message);
    }

    private List<Map<String, Object>> list(Map<String, Object> variables) {
        return viewer.execute(QUERY, variables).assertNoErrors().data("anomalies");
    }

    private TenantId tenantId() {
        return new TenantId(UUID.fromString(tenant));
    }

    private static void replace(List<DayOutcome> days, LocalDate date, UnaryOperator<DayOutcome> fault) {
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).date().equals(date)) {
                days.set(i, fault.apply(days.get(i)));
            }
        }
    }

    private WebSocketClient initialised(String token) {
        WebSocketClient socket = new WebSocketClient(server.getURI());
        socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        assertThat(socket.next(WAIT)).containsEntry("type", "connection_ack");
        return socket;
    }

    private void awaitSubscribers(String channel) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pubSub.localSubscriberCount(channel) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nobody subscribed to " + channel + " within " + WAIT);
            }
            Thread.onSpinWait();
        }
    }
}
