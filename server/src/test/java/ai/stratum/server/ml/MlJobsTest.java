package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static ai.stratum.server.ml.SimulateBudgetTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled ML jobs, run as the scheduler runs them, on tenants of their own: what they store, that
 * a failing item is counted and the batch goes on, and that a tenant's period runs once.
 */
@MicronautTest(transactional = false)
class MlJobsTest extends IntegrationTest {

    static final String SPEC = "MlJobsTest";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<TenantId> FAILING_TASK_TENANTS = ConcurrentHashMap.newKeySet();
    private static final Set<TenantId> RECORDED = ConcurrentHashMap.newKeySet();

    @Inject
    MlJobs jobs;

    @Inject
    MeterRegistry meters;

    private final SandboxAccount sandbox = new SandboxAccount(89, 3, false);
    private final LocalDate today = MlFixtures.today();
    private GraphQLClient superAdmin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", SPEC);
    }

    @BeforeAll
    void admin() {
        superAdmin = graphql().withToken(loginAsAdmin());
    }

    @Test
    void storesEveryActiveCampaignsAndPlatformsForecastAndGoesOnPastAFailingOne() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Daily forecasts"));
        GraphQLClient viewer = viewer(tenant);
        List<DayOutcome> days = MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(0), today.minusDays(1), 120);
        MlFixtures.days(tenant, "META", "m1", "USD", days);
        MlFixtures.days(tenant, "META", "m2", "USD", MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(1), today.minusDays(1), 120));
        // euros without an exchange rate: the campaign forecasts in euros, its platform cannot be added up
        MlFixtures.days(tenant, "GOOGLE", "g1", "EUR", days);
        // ten days old: too young to forecast, skipped
        MlFixtures.days(tenant, "TIKTOK", "young", "USD", days.subList(days.size() - 10, days.size()));
        // spent nothing lately: not forecast at all
        MlFixtures.days(tenant, "SNAPCHAT", "stopped", "USD", days.subList(0, 60));
        double failedBefore = count("daily-forecasts", "failed");

        List<MlBatch.ItemOutcome> outcomes = jobs.dailyForecasts(Flux.just(id(tenant))).block(WAIT);
        List<MlBatch.ItemOutcome> again = jobs.dailyForecasts(Flux.just(id(tenant))).block(WAIT);

        assertThat(outcomes).extracting(o -> o.item().replace("tenant=" + tenant + " ", "") + " " + o.outcome())
                .containsExactly("campaign=GOOGLE/g1 SUCCEEDED", "campaign=META/m1 SUCCEEDED", "campaign=META/m2 SUCCEEDED",
                        "campaign=TIKTOK/young SKIPPED", "platform=GOOGLE FAILED", "platform=META SUCCEEDED", "platform=TIKTOK SKIPPED");
        assertThat(outcomes.get(4).reason()).contains("EUR");
        assertThat(count("daily-forecasts", "failed") - failedBefore).isEqualTo(1);
        assertThat(again).as("the day's lease is taken").isEmpty();

        List<Map<String, Object>> stored = viewer.execute("{ dailyForecasts { level platform campaignId currency days { date } } }")
                .assertNoErrors().data("dailyForecasts");
        assertThat(stored).extracting(f -> f.get("level") + " " + f.get("platform") + " " + f.get("campaignId") + " " + f.get("currency"))
                .containsExactly("CAMPAIGN GOOGLE g1 EUR", "CAMPAIGN META m1 USD", "CAMPAIGN META m2 USD", "PLATFORM META null USD");
        assertThat((List<?>) stored.get(0).get("days")).hasSize(30);
        assertThat(viewer.execute("query($d: Date) { dailyForecasts(date: $d, level: PLATFORM) { platform } }",
                Map.of("d", today.toString())).assertNoErrors().<List<?>>data("dailyForecasts")).hasSize(1);
        assertThat(viewer.execute("query($d: Date) { dailyForecasts(date: $d) { platform } }",
                Map.of("d", today.minusDays(1).toString())).assertNoErrors().<List<?>>data("dailyForecasts")).isEmpty();
    }

    @Test
    void scansForAnomaliesAndRunsEveryLiveTaskGoingOnPastAFailingOne() {
        String failing = MlFixtures.tenant(superAdmin, unique("Live failing"));
        String fine = MlFixtures.tenant(superAdmin, unique("Live fine"));
        FAILING_TASK_TENANTS.add(id(failing));
        List<DayOutcome> days = new ArrayList<>(MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(0), today.minusDays(1), 60));
        for (int i = 0; i < days.size(); i++) {
            DayOutcome day = days.get(i);
            if (day.date().equals(today.minusDays(2))) {
                days.set(i, new DayOutcome(day.campaignId(), day.date(), day.spendMicros() * 5, day.impressions() * 5, day.clicks() * 5,
                        day.conversions(), day.revenueMicros()));
            }
        }
        MlFixtures.days(failing, "META", "spiky", "USD", days);
        MlFixtures.days(fine, "META", "spiky", "USD", days);

        List<MlBatch.ItemOutcome> outcomes = jobs.live(Flux.just(id(failing), id(fine))).block(WAIT);

        assertThat(outcomes).extracting(o -> o.item().replace(failing, "failing").replace(fine, "fine") + " " + o.outcome())
                .containsExactlyInAnyOrder("tenant=failing task=anomaly-scan SUCCEEDED", "tenant=failing task=test-task FAILED",
                        "tenant=failing task=roas-predictions SUCCEEDED", "tenant=fine task=anomaly-scan SUCCEEDED",
                        "tenant=fine task=test-task SUCCEEDED", "tenant=fine task=roas-predictions SUCCEEDED");
        assertThat(RECORDED).contains(id(fine));
        for (String tenant : List.of(failing, fine)) {
            List<Map<String, Object>> anomalies = viewer(tenant).execute("query($f: Date!, $t: Date!) { anomalies(from: $f, to: $t) { "
                    + "campaignId date metric } }", Map.of("f", today.minusDays(3).toString(), "t", today.toString()))
                    .assertNoErrors().data("anomalies");
            assertThat(anomalies).anySatisfy(a -> assertThat(a).containsEntry("date", today.minusDays(2).toString())
                    .containsEntry("metric", "SPEND"));
        }
        assertThat(jobs.live(Flux.just(id(fine))).block(WAIT)).as("the half hour's lease is taken").isEmpty();
    }

    @Test
    void scoresEveryCreativeUpdatedLatelyAndKeepsTheTrend() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Fatigue"));
        GraphQLClient analyst = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "DATA_ANALYST"), MlFixtures.PASSWORD));
        Map<String, Object> creative = creative("cr-1", today.minusDays(30).toString());
        analyst.execute("mutation($c: [CreativeFiguresInput!]!) { upsertCreatives(creatives: $c) }",
                Map.of("c", List.of(creative, creative("cr-2", today.minusDays(3).toString())))).assertNoErrors();
        // two earlier days' scores, rising 2 points a day, as the job would have stored them
        MlFixtures.execute(List.of(
                        List.of(UUID.fromString(tenant), "META", "cr-1", today.minusDays(2), 59.5, "MEDIUM", "Plan a creative refresh"),
                        List.of(UUID.fromString(tenant), "META", "cr-1", today.minusDays(1), 61.5, "MEDIUM", "Plan a creative refresh")),
                "INSERT INTO ml_creative_fatigue (tenant_id, platform, creative_id, date, fatigue_score, fatigue_level, recommendation) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)");
        // a creative whose figures nobody updated for 40 days
        MlFixtures.execute(List.of(List.of(UUID.fromString(tenant), "META", "cr-stale", today.minusDays(100))),
                "INSERT INTO ml_creatives (tenant_id, platform, creative_id, first_used_on, total_impressions, frequency, ctr_trend_7d, "
                        + "ctr_trend_30d, engagement_decay_rate, initial_ctr, current_ctr, updated_at) VALUES (?, ?, ?, ?, 1000, 3, 0, 0, 0, "
                        + "0.02, 0.02, now() - interval '40 days')");

        List<MlBatch.ItemOutcome> outcomes = jobs.fatigueScores(Flux.just(id(tenant))).block(WAIT);

        assertThat(outcomes).extracting(o -> o.item().replace("tenant=" + tenant + " ", "") + " " + o.outcome())
                .containsExactly("creative=META/cr-1 SUCCEEDED", "creative=META/cr-2 SUCCEEDED");
        List<Map<String, Object>> history = viewer(tenant).execute("query($f: Date!, $t: Date!) { creativeFatigueHistory(platform: META, "
                        + "creativeId: \"cr-1\", from: $f, to: $t) { date fatigueScore fatigueLevel daysUntilCritical recommendation } }",
                Map.of("f", today.minusDays(7).toString(), "t", today.toString())).assertNoErrors().data("creativeFatigueHistory");
        // 30 days in rotation -> 95, frequency 5 -> 60, CTR 25 % lower -> 50, engagement 0.3 -> 60: 63.5, 2 a day -> 11 days
        assertThat(history).hasSize(3);
        assertThat(history.get(2)).containsEntry("date", today.toString()).containsEntry("fatigueScore", 63.5)
                .containsEntry("fatigueLevel", "MEDIUM").containsEntry("daysUntilCritical", 11)
                .containsEntry("recommendation", "Plan a creative refresh within 11 days");
        assertThat(jobs.fatigueScores(Flux.just(id(tenant))).block(WAIT)).as("the day's lease is taken").isEmpty();
    }

    @Test
    void namesTheCreativeAndFieldThatIsWrong() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Creatives"));
        GraphQLClient analyst = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "DATA_ANALYST"), MlFixtures.PASSWORD));
        String mutation = "mutation($c: [CreativeFiguresInput!]!) { upsertCreatives(creatives: $c) }";

        Map<String, Object> negative = creative("cr-2", today.toString());
        negative.put("frequency", -2);
        assertBadInput(analyst.execute(mutation, Map.of("c", List.of(creative("cr-1", today.toString()), negative))),
                "creatives[1].frequency", "must be a number of at least 0");
        assertBadInput(analyst.execute(mutation, Map.of("c", List.of(creative("cr-3", today.plusDays(1).toString())))),
                "creatives[0].firstUsedOn", "must not be after " + today);
        assertBadInput(analyst.execute(mutation, Map.of("c", List.of(creative(" ", today.toString())))),
                "creatives[0].creativeId", "must be 1 to 200 characters");
        assertBadInput(analyst.execute(mutation, Map.of("c", List.of())), "creatives", "give 1 to 1000 creatives, gave 0");
        assertThat(viewer(tenant).execute(mutation, Map.of("c", List.of(creative("cr-1", today.toString())))).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(analyst.execute(mutation, Map.of("c", List.of(creative("cr-1", today.toString())))).assertNoErrors()
                .<Integer>data("upsertCreatives")).isEqualTo(1);
    }

    private Map<String, Object> creative(String id, String firstUsedOn) {
        Map<String, Object> creative = new HashMap<>();
        creative.put("platform", "META");
        creative.put("creativeId", id);
        creative.put("firstUsedOn", firstUsedOn);
        creative.put("totalImpressions", 1_250_000);
        creative.put("frequency", 5.0);
        creative.put("ctrTrend7d", -0.05);
        creative.put("ctrTrend30d", -0.25);
        creative.put("engagementDecayRate", 0.3);
        creative.put("initialCtr", 0.02);
        creative.put("currentCtr", 0.015);
        return creative;
    }

    private GraphQLClient viewer(String tenant) {
        return graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
    }

    private double count(String job, String outcome) {
        var counter = meters.find("stratum.ml.batch.items").tag("job", job).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static TenantId id(String tenant) {
        return new TenantId(UUID.fromString(tenant));
    }

    /** A live task that fails for the tenants the test names and records the others. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class TestTask implements LivePredictionTask {

        @Override
        public String name() {
            return "test-task";
        }

        @Override
        public Mono<Void> run(TenantId tenant) {
            if (FAILING_TASK_TENANTS.contains(tenant)) {
                return Mono.error(new IllegalStateException("the model server is down"));
            }
            return Mono.fromRunnable(() -> RECORDED.add(tenant));
        }
    }
}
