package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ai.stratum.server.ml.SimulateBudgetTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code forecast} as a client calls it, on campaigns whose history came from the sandbox. */
@MicronautTest(transactional = false)
class ForecastTest extends IntegrationTest {

    static final String QUERY = "query($in: ForecastInput!) { forecast(input: $in) { level platform campaignId currency method "
            + "intervalLevel historyDays historyEnd revenueSettledThrough computedAt "
            + "days { date spend { value lower upper } revenue { value lower upper } roas { value lower upper } } } }";

    private final SandboxAccount sandbox = new SandboxAccount(79, 3, false);
    private GraphQLClient viewer;
    private List<String> campaigns;

    @BeforeAll
    void tenantWithCampaigns() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = MlFixtures.tenant(superAdmin, unique("Forecast"));
        viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
        campaigns = sandbox.campaigns().stream().map(c -> "f-" + c.id()).toList();
        for (int i = 0; i < campaigns.size(); i++) {
            SimulatedCampaign campaign = sandbox.campaigns().get(i);
            List<DayOutcome> days = MlFixtures.sandboxDays(sandbox, campaign, MlFixtures.today().minusDays(1), 150);
            MlFixtures.days(tenant, "META", campaigns.get(i), "USD", days);
        }
        SimulatedCampaign first = sandbox.campaigns().get(0);
        List<DayOutcome> days = MlFixtures.sandboxDays(sandbox, first, MlFixtures.today().minusDays(1), 60);
        // euros on Google without an exchange rate: a platform forecast cannot add them up
        MlFixtures.days(tenant, "GOOGLE", "euro-campaign", "EUR", days);
        // started twelve days ago
        MlFixtures.days(tenant, "SNAPCHAT", "new-campaign", "USD", days.subList(days.size() - 12, days.size()));
    }

    @Test
    void forecastsACampaignFromTodayWithIntervals() {
        GraphQLClient.Result result = viewer.execute(QUERY, Map.of("in", Map.of("level", "CAMPAIGN", "campaignId", campaigns.get(0),
                "days", 14))).assertNoErrors();

        LocalDate today = MlFixtures.today();
        Map<String, Object> forecast = result.data("forecast");
        assertThat(forecast).containsEntry("level", "CAMPAIGN").containsEntry("platform", "META").containsEntry("currency", "USD")
                .containsEntry("campaignId", campaigns.get(0)).containsEntry("intervalLevel", 0.8)
                .containsEntry("method", "holt-winters-damped-additive-weekly/1")
                .containsEntry("historyEnd", today.minusDays(1).toString())
                .containsEntry("revenueSettledThrough", today.minusDays(8).toString())
                .containsEntry("historyDays", 120);
        List<Map<String, Object>> days = result.data("forecast.days");
        assertThat(days).hasSize(14);
        assertThat(days.get(0)).containsEntry("date", today.toString());
        assertThat(days.get(13)).containsEntry("date", today.plusDays(13).toString());
        for (Map<String, Object> day : days) {
            for (String series : List.of("spend", "revenue", "roas")) {
                Map<String, Number> value = cast(day.get(series));
                assertThat(value.get("lower").doubleValue()).isLessThanOrEqualTo(value.get("value").doubleValue()).isGreaterThanOrEqualTo(0);
                assertThat(value.get("upper").doubleValue()).isGreaterThanOrEqualTo(value.get("value").doubleValue());
            }
            Map<String, Number> spend = cast(day.get("spend"));
            Map<String, Number> revenue = cast(day.get("revenue"));
            Map<String, Number> roas = cast(day.get("roas"));
            assertThat(roas.get("value").doubleValue()).isCloseTo(revenue.get("value").doubleValue() / spend.get("value").doubleValue(),
                    within(1e-9));
        }
        // the sandbox campaign spends close to its budget every day
        double budget = sandbox.campaigns().get(0).profile().dailyBudget();
        assertThat(value(days.get(0), "spend")).isBetween(0.8 * budget, 1.05 * budget);
    }

    @Test
    void forecastsAPlatformAsItsCampaignsTogether() {
        GraphQLClient.Result platform = viewer.execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "platform", "META", "days", 7)))
                .assertNoErrors();
        double sum = 0;
        for (String campaign : campaigns) {
            List<Map<String, Object>> days = viewer.execute(QUERY, Map.of("in", Map.of("level", "CAMPAIGN", "campaignId", campaign,
                    "days", 7))).assertNoErrors().data("forecast.days");
            sum += days.stream().mapToDouble(day -> value(day, "spend")).sum();
        }

        assertThat(platform.<Object>data("forecast.campaignId")).isNull();
        assertThat(platform.<String>data("forecast.currency")).isEqualTo("USD");
        List<Map<String, Object>> days = platform.data("forecast.days");
        assertThat(days.stream().mapToDouble(day -> value(day, "spend")).sum()).isCloseTo(sum, within(0.05 * sum));
    }

    @Test
    void servesTheCachedForecastUntilTheDataChanges() {
        Map<String, Object> input = Map.of("level", "CAMPAIGN", "campaignId", campaigns.get(1), "days", 30);

        assertThat(viewer.execute(QUERY, Map.of("in", input)).body()).isEqualTo(viewer.execute(QUERY, Map.of("in", input)).body());
    }

    @Test
    void refusesToAddUpAmountsWithoutTheirExchangeRate() {
        GraphQLClient.Result result = viewer.execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "platform", "GOOGLE", "days", 7)));

        assertThat(result.errorCode()).isEqualTo("CONFLICT");
        assertThat(result.errorMessage()).contains("EUR");
    }

    @Test
    void forecastsACampaignInItsOwnCurrency() {
        GraphQLClient.Result result = viewer.execute(QUERY, Map.of("in", Map.of("level", "CAMPAIGN", "campaignId", "euro-campaign",
                "days", 3))).assertNoErrors();

        assertThat(result.<String>data("forecast.currency")).isEqualTo("EUR");
        assertThat(result.<String>data("forecast.platform")).isEqualTo("GOOGLE");
    }

    @Test
    void refusesACampaignOrPlatformWithTooShortAHistory() {
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "CAMPAIGN", "campaignId", "new-campaign", "days", 7))),
                "input.campaignId", "has 5 settled days since the first spend or revenue; a forecast needs 14");
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "platform", "SNAPCHAT", "days", 7))),
                "input.platform", "SNAPCHAT cannot be forecast");
    }

    @Test
    void refusesWhatTheTenantDoesNotHave() {
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "CAMPAIGN", "campaignId", "nope", "days", 7))),
                "input.campaignId", "this tenant has no campaign 'nope'");
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "platform", "TIKTOK", "days", 7))),
                "input.platform", "this tenant has no results on TIKTOK");
    }

    @Test
    void namesTheSubjectTheLevelNeeds() {
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "CAMPAIGN", "days", 7))), "input.campaignId",
                "is required for level CAMPAIGN");
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "days", 7))), "input.platform",
                "is required for level PLATFORM");
        assertBadInput(viewer.execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "platform", "META", "campaignId", "x", "days", 7))),
                "input.campaignId", "belongs to level CAMPAIGN");
    }

    @ParameterizedTest(name = "{0} days are refused")
    @ValueSource(ints = {0, -3, 91})
    void refusesDaysOutsideOneToNinety(int days) {
        Map<String, Object> input = new HashMap<>(Map.of("level", "CAMPAIGN", "campaignId", campaigns.get(0), "days", days));

        assertBadInput(viewer.execute(QUERY, Map.of("in", input)), "input.days", "must be 1 to 90, was " + days);
    }

    @Test
    void needsAuthentication() {
        assertThat(graphql().execute(QUERY, Map.of("in", Map.of("level", "PLATFORM", "platform", "META", "days", 7))).errorCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    private static double value(Map<String, Object> day, String series) {
        Map<String, Number> value = cast(day.get(series));
        return value.get("value").doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
