package ai.stratum.server.cdp;

import ai.stratum.server.cdp.churn.ChurnHistories;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The churn model through GraphQL, on generated activity whose churn is known ({@link ChurnHistories}):
 * trained on the tenant's events, its held-out AUC reported, profiles scored, scores usable in segment
 * rules; too little data answered with what is missing.
 */
@MicronautTest(transactional = false)
class ChurnTest extends CdpIntegrationTest {

    private static final String INGEST = "mutation($events: [EventInput!]!) { ingestEvents(events: $events) { accepted rejected } }";
    private static final String TRAIN = "mutation { trainChurnModel { version auc precision recall rows testRows churnedShare cutoff windowDays trainedAt } }";
    private static final int PEOPLE = 150;

    private Tenant tenant;
    private Map<String, Object> trained;

    @BeforeAll
    void aTenantWithKnownChurn() {
        tenant = newTenant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ChurnHistories.Person> people = ChurnHistories.generate(PEOPLE, now.minus(Duration.ofDays(30)), 120, 30, 5);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            String user = id("churn-" + p);
            for (Instant at : people.get(p).events()) {
                if (at.isBefore(now)) {
                    events.add(Map.of("type", "TRACK", "userId", user, "event", "Page Viewed", "timestamp", at.toString()));
                }
            }
        }
        for (int from = 0; from < events.size(); from += 2000) {
            var result = tenant.admin().execute(INGEST, Map.of("events", events.subList(from, Math.min(events.size(), from + 2000))))
                    .assertNoErrors();
            assertThat(result.<Integer>data("ingestEvents.rejected")).isZero();
        }
        trained = tenant.analyst().execute(TRAIN).assertNoErrors().data("trainChurnModel");
    }

    @Test
    void reportsTheHeldOutAucOfAModelThatLearnedTheKnownChurn() {
        assertThat((Double) trained.get("auc")).isGreaterThan(0.75);
        assertThat(trained.get("version")).isEqualTo(1);
        assertThat(trained.get("testRows")).isEqualTo(30);
        assertThat(trained.get("rows")).isEqualTo(PEOPLE - 30);
        assertThat(trained.get("windowDays")).isEqualTo(30);
        assertThat(tenant.viewer().execute("{ churnModel { auc } }").errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> newest = tenant.analyst().execute("{ churnModel { version auc rows trainedAt } }").assertNoErrors().data("churnModel");
        assertThat(newest).containsEntry("version", 1).containsEntry("auc", trained.get("auc")).containsEntry("rows", trained.get("rows"));
    }

    @Test
    void scoresEveryProfileAndSegmentsSelectByTheScore() {
        List<Map<String, Object>> edges = tenant.analyst().execute("{ profiles(first: 100) { edges { node { churnProbability } } } }")
                .assertNoErrors().data("profiles.edges");
        assertThat(edges).hasSize(100).allSatisfy(edge -> assertThat((Double) ((Map<String, Object>) edge.get("node")).get("churnProbability"))
                .isBetween(0.0, 1.0));

        Map<String, Object> likely = tenant.analyst().execute("query($r: SegmentRuleInput!) { previewSegment(rules: $r) { size sample { churnProbability } } }",
                Map.of("r", Map.of("churn", Map.of("atLeast", 0.5)))).assertNoErrors().data("previewSegment");
        Map<String, Object> unlikely = tenant.analyst().execute("query($r: SegmentRuleInput!) { previewSegment(rules: $r) { size } }",
                Map.of("r", Map.of("not", Map.of("churn", Map.of("atLeast", 0.5))))).assertNoErrors().data("previewSegment");
        assertThat((Integer) likely.get("size")).isPositive();
        assertThat((Integer) likely.get("size") + (Integer) unlikely.get("size")).isEqualTo(PEOPLE);
        assertThat((List<Map<String, Object>>) likely.get("sample"))
                .allSatisfy(profile -> assertThat((Double) profile.get("churnProbability")).isGreaterThanOrEqualTo(0.5));
    }

    @Test
    void aTenantWithTooLittleDataIsToldWhatIsMissing() {
        Tenant empty = newTenant();
        var none = empty.analyst().execute(TRAIN);
        assertThat(none.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(none.errorMessage()).isEqualTo("Churn training needs events; this tenant has none");

        empty.admin().execute(INGEST, Map.of("events", List.of(
                Map.of("type", "TRACK", "userId", id("few"), "event", "Page Viewed", "timestamp", "2026-09-01T00:00:00Z"),
                Map.of("type", "TRACK", "userId", id("few"), "event", "Page Viewed", "timestamp", "2026-11-01T00:00:00Z")))).assertNoErrors();
        var few = empty.analyst().execute(TRAIN);
        assertThat(few.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(few.errorMessage()).startsWith("Churn training needs at least 50 profiles with events before the cutoff 2026-10-02T00:00:00Z")
                .endsWith("this tenant has 1");
        assertThat(empty.analyst().execute("{ churnModel { version } }").assertNoErrors().<Object>data("churnModel")).isNull();
        var badWindow = empty.analyst().execute("mutation { trainChurnModel(windowDays: 0) { version } }");
        assertThat(badWindow.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<String, Object>) badWindow.errors().get(0).get("extensions")).get("field")).isEqualTo("windowDays");
    }
}
