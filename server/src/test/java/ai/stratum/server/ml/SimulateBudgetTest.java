package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulateBudget} as a client calls it, on campaigns whose history came from the sandbox. */
@MicronautTest(transactional = false)
class SimulateBudgetTest extends IntegrationTest {

    static final String QUERY = "query($in: SimulateBudgetInput!) { simulateBudget(input: $in) { campaignId platform currency "
            + "baseline { spend revenue roas conversions } "
            + "scenarios { name spend revenue roas conversions marginalRoas confidenceInterval } "
            + "responseCurve { maxDailyRevenue saturationSpend saturationSpendInterval relativeNoise historyDays historyFrom historyTo } "
            + "computedAt } }";

    private final SandboxAccount sandbox = new SandboxAccount(71, 6, true);
    private GraphQLClient viewer;
    private GraphQLClient otherTenant;
    private String campaign;

    @BeforeAll
    void tenantWithSandboxCampaigns() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = MlFixtures.tenant(superAdmin, unique("Simulate"));
        viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
        String other = MlFixtures.tenant(superAdmin, unique("Simulate other"));
        otherTenant = graphql().withToken(login(MlFixtures.user(superAdmin, other, "VIEWER"), MlFixtures.PASSWORD));

        SimulatedCampaign simulated = biggest(sandbox);
        campaign = "c-" + simulated.id();
        List<DayOutcome> days = MlFixtures.sandboxDays(sandbox, simulated, MlFixtures.today().minusDays(1), 120);
        MlFixtures.campaign(tenant, "META", campaign, "USD");
        MlFixtures.days(tenant, "META", campaign, "USD", days);
        // the same id on a second platform, for the ambiguity check
        MlFixtures.days(tenant, "GOOGLE", "shared-id", "EUR", days);
        MlFixtures.days(tenant, "TIKTOK", "shared-id", "USD", days);
        // too short a history: eleven settled days
        MlFixtures.days(tenant, "META", "young", "USD", days.subList(days.size() - 18, days.size()));
        // an account that moved from euros to dollars 60 days ago
        MlFixtures.days(tenant, "META", "switched", "EUR", days.subList(0, days.size() - 60));
        MlFixtures.days(tenant, "META", "switched", "USD", days.subList(days.size() - 60, days.size()));
    }

    @Test
    void fitsOnlyTheDaysInTheCampaignsNewestCurrency() {
        GraphQLClient.Result result = viewer.execute(QUERY, Map.of("in", input("switched"))).assertNoErrors();

        assertThat(result.<String>data("simulateBudget.currency")).isEqualTo("USD");
        // the dollar days of the 90 settled ones: 60 days ago to 8 days ago
        assertThat(result.<Integer>data("simulateBudget.responseCurve.historyDays")).isEqualTo(53);
    }

    @Test
    void simulatesTheSeedsScenariosFromTheCampaignsSettledHistory() {
        GraphQLClient.Result result = viewer.execute(QUERY, Map.of("in", input(campaign))).assertNoErrors();

        Map<String, Object> simulation = result.data("simulateBudget");
        assertThat(simulation).containsEntry("campaignId", campaign).containsEntry("platform", "META").containsEntry("currency", "USD");
        assertThat(number(result, "simulateBudget.baseline.spend")).isEqualTo(30 * 100.0);
        assertThat(number(result, "simulateBudget.baseline.roas")).isGreaterThan(0);
        List<Map<String, Object>> scenarios = result.data("simulateBudget.scenarios");
        assertThat(scenarios).extracting(s -> s.get("name")).containsExactly("+20% Budget", "-20% Budget", "+50% Budget");
        for (Map<String, Object> scenario : scenarios) {
            List<Number> interval = cast(scenario.get("confidenceInterval"));
            assertThat(interval).hasSize(2);
            double revenue = ((Number) scenario.get("revenue")).doubleValue();
            assertThat(interval.get(0).doubleValue()).isLessThanOrEqualTo(revenue);
            assertThat(interval.get(1).doubleValue()).isGreaterThanOrEqualTo(revenue);
        }
        // diminishing returns: the +50 % scenario buys less per extra unit than the +20 % one
        assertThat(((Number) scenarios.get(2).get("marginalRoas")).doubleValue())
                .isLessThan(((Number) scenarios.get(0).get("marginalRoas")).doubleValue());
        LocalDate historyTo = MlFixtures.today().minusDays(8);
        assertThat(result.<String>data("simulateBudget.responseCurve.historyTo")).isEqualTo(historyTo.toString());
        assertThat(result.<String>data("simulateBudget.responseCurve.historyFrom")).isEqualTo(historyTo.minusDays(89).toString());
        assertThat(result.<Integer>data("simulateBudget.responseCurve.historyDays")).isEqualTo(90);
    }

    @Test
    void servesTheSameResultFromTheCacheAndANewOneForAnotherInput() {
        Map<String, Object> input = input(campaign);
        input.put("seed", 11);
        GraphQLClient.Result first = viewer.execute(QUERY, Map.of("in", input)).assertNoErrors();
        GraphQLClient.Result second = viewer.execute(QUERY, Map.of("in", input)).assertNoErrors();
        input.put("seed", 12);
        GraphQLClient.Result otherSeed = viewer.execute(QUERY, Map.of("in", input)).assertNoErrors();

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(otherSeed.<String>data("simulateBudget.computedAt")).isNotEqualTo(first.data("simulateBudget.computedAt"));
        assertThat(otherSeed.<Object>data("simulateBudget.scenarios")).isNotEqualTo(first.data("simulateBudget.scenarios"));
    }

    @Test
    void picksTheCampaignOnTheNamedPlatformWhenItsIdIsOnSeveral() {
        Map<String, Object> input = input("shared-id");
        GraphQLClient.Result ambiguous = viewer.execute(QUERY, Map.of("in", input));
        input.put("platform", "GOOGLE");
        GraphQLClient.Result named = viewer.execute(QUERY, Map.of("in", input)).assertNoErrors();

        assertBadInput(ambiguous, "input.platform", "exists on [GOOGLE, TIKTOK]; name its platform");
        assertThat(named.<String>data("simulateBudget.currency")).isEqualTo("EUR");
    }

    @Test
    void refusesACampaignTheTenantDoesNotHave() {
        assertBadInput(viewer.execute(QUERY, Map.of("in", input("no-such-campaign"))), "input.campaignId",
                "this tenant has no campaign 'no-such-campaign'");
        assertBadInput(otherTenant.execute(QUERY, Map.of("in", input(campaign))), "input.campaignId",
                "this tenant has no campaign '" + campaign + "'");
        Map<String, Object> wrongPlatform = input(campaign);
        wrongPlatform.put("platform", "SNAPCHAT");
        assertBadInput(viewer.execute(QUERY, Map.of("in", wrongPlatform)), "input.campaignId", "on SNAPCHAT");
    }

    @Test
    void refusesACampaignWithTooShortAHistory() {
        assertBadInput(viewer.execute(QUERY, Map.of("in", input("young"))), "input.campaignId",
                "needs at least 14 days with spend to fit a response curve, has 11");
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "simulations     | 100001 | input.simulations     | must be 100 to 100000, was 100001",
            "simulations     | 99     | input.simulations     | must be 100 to 100000, was 99",
            "baseBudget      | -5     | input.baseBudget      | must be a positive amount, was -5.0",
            "baseBudget      | 0      | input.baseBudget      | must be a positive amount",
            "timeHorizonDays | 0      | input.timeHorizonDays | must be 1 to 366 days, was 0",
            "timeHorizonDays | 367    | input.timeHorizonDays | must be 1 to 366 days",
    })
    void namesTheFieldOfANumberOutOfRange(String field, double value, String path, String message) {
        Map<String, Object> input = input(campaign);
        input.put(field, field.equals("baseBudget") ? value : (Object) (int) value);

        assertBadInput(viewer.execute(QUERY, Map.of("in", input)), path, message);
    }

    @Test
    void namesTheScenarioAndFieldThatIsWrong() {
        Map<String, Object> input = input(campaign);
        input.put("scenarios", List.of(Map.of("name", "ok", "budgetChangePercent", 10), Map.of("name", "cut", "budgetChangePercent", -150)));
        assertBadInput(viewer.execute(QUERY, Map.of("in", input)), "input.scenarios[1].budgetChangePercent", "must be -100 to 900");

        input.put("scenarios", List.of(Map.of("name", " ", "budgetChangePercent", 10)));
        assertBadInput(viewer.execute(QUERY, Map.of("in", input)), "input.scenarios[0].name", "must not be blank");

        input.put("scenarios", List.of());
        assertBadInput(viewer.execute(QUERY, Map.of("in", input)), "input.scenarios", "give 1 to 20 scenarios");

        input.put("campaignId", " ");
        assertBadInput(viewer.execute(QUERY, Map.of("in", input)), "input.campaignId", "must not be blank");
    }

    @Test
    void refusesAnInputMissingARequiredField() {
        Map<String, Object> input = input(campaign);
        input.remove("baseBudget");

        GraphQLClient.Result result = viewer.execute(QUERY, Map.of("in", input));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(result.errorMessage()).contains("baseBudget");
    }

    @Test
    void needsAuthentication() {
        assertThat(graphql().execute(QUERY, Map.of("in", input(campaign))).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    static Map<String, Object> input(String campaignId) {
        Map<String, Object> input = new HashMap<>();
        input.put("campaignId", campaignId);
        input.put("baseBudget", 30 * 100.0);
        input.put("scenarios", List.of(Map.of("name", "+20% Budget", "budgetChangePercent", 20),
                Map.of("name", "-20% Budget", "budgetChangePercent", -20), Map.of("name", "+50% Budget", "budgetChangePercent", 50)));
        input.put("timeHorizonDays", 30);
        input.put("simulations", 1000);
        input.put("seed", 7);
        return input;
    }

    static void assertBadInput(GraphQLClient.Result result, String field, String message) {
        assertThat(result.errors()).as(result.body().toString()).hasSize(1);
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) result.errors().get(0).get("extensions");
        assertThat(extensions).containsEntry("field", field);
        assertThat(result.errorMessage()).startsWith(field + " ").contains(message);
    }

    static SimulatedCampaign biggest(SandboxAccount sandbox) {
        return sandbox.campaigns().stream().max((a, b) -> Double.compare(a.profile().maxDailyRevenue(), b.profile().maxDailyRevenue()))
                .orElseThrow();
    }

    private static double number(GraphQLClient.Result result, String path) {
        return result.<Number>data(path).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

}
