package ai.stratum.server.ml;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ai.stratum.server.ml.SimulateBudgetTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code creativeFatigue} and {@code eventQuality} as a client calls them. */
@MicronautTest(transactional = false)
class ScoringTest extends IntegrationTest {

    private static final String FATIGUE = "query($in: CreativeFatigueInput!) { creativeFatigue(input: $in) { fatigueScore fatigueLevel "
            + "daysUntilCritical recommendation suggestedActions } }";
    private static final String EVENT = "query($e: JSON!, $p: Platform!) { eventQuality(event: $e, platform: $p) { score level "
            + "missingFields invalidFields { path reason } roasImpactEstimate recommendations } }";
    private static final String EMAIL_HASH = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";

    private GraphQLClient viewer;

    @BeforeAll
    void viewer() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = MlFixtures.tenant(superAdmin, unique("Scoring"));
        viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
    }

    @Test
    void scoresACreativeByTheSeedsWeights() {
        // age 30 days -> 95, frequency 5 -> 60, CTR 0.02 -> 0.015 (25 % lower) -> 50, engagement 0.3 -> 60:
        // 19 + 15 + 17.5 + 12 = 63.5, rising 2 points a day -> 85 in 11 days
        Map<String, Object> input = fatigue();
        input.put("asOf", "2026-11-20");
        input.put("recentScores", List.of(Map.of("date", "2026-11-19", "fatigueScore", 61.5), Map.of("date", "2026-11-18", "fatigueScore", 59.5)));

        GraphQLClient.Result result = viewer.execute(FATIGUE, Map.of("in", input)).assertNoErrors();

        assertThat(result.<Map<String, Object>>data("creativeFatigue"))
                .containsEntry("fatigueScore", 63.5)
                .containsEntry("fatigueLevel", "MEDIUM")
                .containsEntry("daysUntilCritical", 11)
                .containsEntry("recommendation", "Plan a creative refresh within 11 days")
                .containsEntry("suggestedActions", List.of("Prepare new creative variants", "Monitor CTR and frequency"));
    }

    @Test
    void leavesDaysUntilCriticalOutWithoutATrend() {
        GraphQLClient.Result result = viewer.execute(FATIGUE, Map.of("in", fatigue())).assertNoErrors();

        assertThat(result.<Object>data("creativeFatigue.daysUntilCritical")).isNull();
        assertThat(result.<String>data("creativeFatigue.recommendation")).isEqualTo("Plan a creative refresh");
    }

    @Test
    void namesTheFatigueFieldThatIsWrong() {
        Map<String, Object> negative = fatigue();
        negative.put("frequency", -1);
        assertBadInput(viewer.execute(FATIGUE, Map.of("in", negative)), "input.frequency", "must be a number of at least 0");

        Map<String, Object> late = fatigue();
        late.put("asOf", "2026-11-20");
        late.put("recentScores", List.of(Map.of("date", "2026-11-20", "fatigueScore", 50)));
        assertBadInput(viewer.execute(FATIGUE, Map.of("in", late)), "input.recentScores[0].date", "must be before asOf (2026-11-20)");

        Map<String, Object> outOfRange = fatigue();
        outOfRange.put("asOf", "2026-11-20");
        outOfRange.put("recentScores", List.of(Map.of("date", "2026-11-19", "fatigueScore", 50), Map.of("date", "2026-11-18", "fatigueScore", 120)));
        assertBadInput(viewer.execute(FATIGUE, Map.of("in", outOfRange)), "input.recentScores[1].fatigueScore", "must be within 0-100, was 120");

        Map<String, Object> badDate = fatigue();
        badDate.put("asOf", "2026-02-30");
        GraphQLClient.Result result = viewer.execute(FATIGUE, Map.of("in", badDate));
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(result.errorMessage()).contains("2026-02-30");
    }

    @Test
    void scoresAMetaConversionsApiEvent() {
        Map<String, Object> event = Map.of("event_name", "Purchase", "user_data", Map.of(
                "em", List.of(EMAIL_HASH),
                "client_ip_address", "93.184.216.34",
                "client_user_agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"));

        GraphQLClient.Result result = viewer.execute(EVENT, Map.of("e", event, "p", "META")).assertNoErrors();

        // email 25 + IP 15 + user agent 10
        assertThat(result.<Number>data("eventQuality.score").doubleValue()).isEqualTo(50);
        assertThat(result.<String>data("eventQuality.level")).isEqualTo("FAIR");
        assertThat(result.<List<String>>data("eventQuality.missingFields")).containsExactly("PHONE", "CLICK_ID", "EXTERNAL_ID");
        assertThat(result.<String>data("eventQuality.roasImpactEstimate")).isEqualTo("~60% attribution accuracy");
    }

    @Test
    void listsAValueThatCannotBeUsedWithoutRepeatingIt() {
        Map<String, Object> event = Map.of("user_data", Map.of("em", List.of("jane@example.com")));

        GraphQLClient.Result result = viewer.execute(EVENT, Map.of("e", event, "p", "META")).assertNoErrors();

        List<Map<String, Object>> invalid = result.data("eventQuality.invalidFields");
        assertThat(invalid).extracting(field -> field.get("path")).containsExactly("user_data.em[0]");
        assertThat(result.body().toString()).doesNotContain("jane@example.com");
    }

    @Test
    void refusesAnEventThatIsNotAnObject() {
        assertBadInput(viewer.execute(EVENT, Map.of("e", List.of(1, 2), "p", "GOOGLE")), "event", "must be a JSON object, was an array");
    }

    @Test
    void refusesAnUnknownPlatform() {
        GraphQLClient.Result result = viewer.execute(EVENT, Map.of("e", Map.of(), "p", "MYSPACE"));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void needsAuthentication() {
        assertThat(graphql().execute(FATIGUE, Map.of("in", fatigue())).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(graphql().execute(EVENT, Map.of("e", Map.of(), "p", "META")).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    private static Map<String, Object> fatigue() {
        Map<String, Object> input = new HashMap<>();
        input.put("daysInRotation", 30);
        input.put("totalImpressions", 1_250_000L);
        input.put("frequency", 5.0);
        input.put("ctrTrend7d", -0.05);
        input.put("ctrTrend30d", -0.25);
        input.put("engagementDecayRate", 0.3);
        input.put("initialCtr", 0.02);
        input.put("currentCtr", 0.015);
        return input;
    }
}
