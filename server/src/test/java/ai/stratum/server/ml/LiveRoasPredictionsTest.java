package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The half-hourly live ROAS predictions on a real server: run as the scheduler runs them, a prediction per
 * active campaign of the tenant from its stored days, stored and listed by {@code roasPredictions}; a campaign
 * that cannot be predicted is counted and the others go on.
 */
@MicronautTest(transactional = false)
class LiveRoasPredictionsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PREDICTIONS = "query($c: String, $f: Int, $a: String) { roasPredictions(campaignId: $c, first: $f, "
            + "after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id platform campaignId predictedFor "
            + "modelVersion predictedRoas confidenceLower confidenceUpper trend recommendation predictedAt } } } }";

    @Inject
    MlJobs jobs;

    @Inject
    LiveRoasPredictions live;

    @Inject
    MeterRegistry meters;

    private final SandboxAccount sandbox = new SandboxAccount(97, 3, false);
    private final LocalDate today = MlFixtures.today();
    private GraphQLClient superAdmin;

    @BeforeAll
    void admin() {
        superAdmin = graphql().withToken(loginAsAdmin());
    }

    @Test
    void predictsEveryActiveCampaignFromItsDaysAndGoesOnPastOneThatCannotBe() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Live ROAS"));
        GraphQLClient viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
        List<DayOutcome> days = MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(0), today.minusDays(1), 60);
        MlFixtures.days(tenant, "META", "m1", "USD", days);
        MlFixtures.days(tenant, "GOOGLE", "g1", "USD", MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(1), today.minusDays(1), 60));
        // ten days: too young for the 30-day features
        MlFixtures.days(tenant, "TIKTOK", "young", "USD", days.subList(days.size() - 10, days.size()));
        // more clicks than impressions: a click-through rate above 1 is no feature the model takes
        MlFixtures.days(tenant, "SNAPCHAT", "broken", "USD", clicksAboveImpressions(days));
        // last spent 40 days ago: not active, not predicted
        MlFixtures.days(tenant, "META", "stopped", "USD", MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(2), today.minusDays(40), 40));
        double succeeded = count("succeeded");
        double skipped = count("skipped");

        List<MlBatch.ItemOutcome> outcomes = jobs.live(Flux.just(new TenantId(UUID.fromString(tenant)))).block(WAIT);

        assertThat(outcomes).extracting(o -> o.item().replace("tenant=" + tenant + " ", "") + " " + o.outcome())
                .contains("task=roas-predictions SUCCEEDED");
        assertThat(count("succeeded") - succeeded).as("m1 and g1").isEqualTo(2);
        assertThat(count("skipped") - skipped).as("young and broken").isEqualTo(2);
        var all = viewer.execute(PREDICTIONS, Map.of()).assertNoErrors();
        assertThat(((Number) all.data("roasPredictions.totalCount")).intValue()).isEqualTo(2);
        List<Map<String, Map<String, Object>>> edges = all.data("roasPredictions.edges");
        assertThat(edges).extracting(e -> e.get("node").get("platform") + "/" + e.get("node").get("campaignId"))
                .containsExactlyInAnyOrder("META/m1", "GOOGLE/g1");
        Map<String, Object> m1 = edges.stream().map(e -> e.get("node")).filter(n -> n.get("campaignId").equals("m1")).findFirst().orElseThrow();
        double predicted = ((Number) m1.get("predictedRoas")).doubleValue();
        assertThat(predicted).isPositive();
        assertThat(((Number) m1.get("confidenceLower")).doubleValue()).isLessThanOrEqualTo(predicted);
        assertThat(((Number) m1.get("confidenceUpper")).doubleValue()).isGreaterThan(predicted);
        assertThat(m1).containsEntry("predictedFor", today.toString());
        assertThat((String) m1.get("modelVersion")).as("the default model's revision")
                .isEqualTo(viewer.execute("{ models(type: ROAS) { active { revision } } }").assertNoErrors().data("models.active.revision"));
        assertThat((String) m1.get("trend")).isIn("IMPROVING", "STABLE", "DECLINING");
        assertThat((String) m1.get("recommendation")).isNotBlank();
    }

    @Test
    void pagesThroughACampaignsPredictionsNewestFirst() {
        String tenant = MlFixtures.tenant(superAdmin, unique("Live pages"));
        GraphQLClient viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
        MlFixtures.days(tenant, "META", "m1", "USD", MlFixtures.sandboxDays(sandbox, sandbox.campaigns().get(0), today.minusDays(1), 45));
        TenantId id = new TenantId(UUID.fromString(tenant));
        live.run(id).block(WAIT);
        live.run(id).block(WAIT);

        var first = viewer.execute(PREDICTIONS, Map.of("c", "m1", "f", 1)).assertNoErrors();
        String cursor = first.data("roasPredictions.pageInfo.endCursor");
        var second = viewer.execute(PREDICTIONS, Map.of("c", "m1", "f", 1, "a", cursor)).assertNoErrors();

        assertThat(((Number) first.data("roasPredictions.totalCount")).intValue()).isEqualTo(2);
        assertThat((Boolean) first.data("roasPredictions.pageInfo.hasNextPage")).isTrue();
        assertThat((Boolean) second.data("roasPredictions.pageInfo.hasNextPage")).isFalse();
        Instant newer = Instant.parse(first.data("roasPredictions.edges.0.node.predictedAt"));
        Instant older = Instant.parse(second.data("roasPredictions.edges.0.node.predictedAt"));
        assertThat(older).isBeforeOrEqualTo(newer);
        assertThat((String) second.data("roasPredictions.edges.0.node.id")).isNotEqualTo(first.data("roasPredictions.edges.0.node.id"));
        assertThat(viewer.execute(PREDICTIONS, Map.of("c", "other")).assertNoErrors().<Number>data("roasPredictions.totalCount").intValue())
                .isZero();
        assertThat(viewer.execute(PREDICTIONS, Map.of("a", "nope")).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    private static List<DayOutcome> clicksAboveImpressions(List<DayOutcome> days) {
        List<DayOutcome> broken = new ArrayList<>();
        for (DayOutcome day : days) {
            broken.add(new DayOutcome(day.campaignId(), day.date(), day.spendMicros(), day.impressions(), day.impressions() * 2 + 1,
                    day.conversions(), day.revenueMicros()));
        }
        return broken;
    }

    private double count(String outcome) {
        var counter = meters.find("stratum.ml.batch.items").tag("job", LiveRoasPredictions.NAME).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
