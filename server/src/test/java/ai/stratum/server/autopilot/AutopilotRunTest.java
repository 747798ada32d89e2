package ai.stratum.server.autopilot;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.Signals;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The autopilot end to end: rules over synced campaigns, limited by the account's mode, gated, executed once. */
@MicronautTest(transactional = false)
class AutopilotRunTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String RUN = "mutation { runAutopilot { campaignsEvaluated proposals skippedByMode frozen "
            + "actions { id actionType status decision rule entityId parameters } } }";

    @Inject
    RecordingDispatcher platform;

    private String tenant;
    private GraphQLClient admin;
    private GraphQLClient buyer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.test.recording-dispatcher", "true", "stratum.autopilot.enabled", "false");
    }

    @BeforeEach
    void aTenantWithOneWinningCampaign() throws SQLException {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        tenant = superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n }) { id } }",
                Map.of("n", unique("Autopilot"))).assertNoErrors().data("createTenant.id");
        admin = userIn(superAdmin, "TENANT_ADMIN");
        buyer = userIn(superAdmin, "MEDIA_BUYER");
        syncCampaign("act_9", "cmp_winner", 100_000_000L, 400_000_000L);
    }

    @Test
    void rulesAreOffUntilEnabled() {
        ingest(Signals.healthy("META", "act_9", 100));

        var run = buyer.execute(RUN).assertNoErrors();

        assertThat(((Number) run.data("runAutopilot.proposals")).intValue()).isZero();
    }

    @Test
    void aWinningCampaignOnAHealthyAccountGetsItsBudgetRaisedOnce() {
        ingest(Signals.healthy("META", "act_9", 100));
        enableScaling();

        var first = buyer.execute(RUN).assertNoErrors();
        var second = buyer.execute(RUN).assertNoErrors();

        List<Map<String, Object>> actions = first.data("runAutopilot.actions");
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action).containsEntry("actionType", "INCREASE_BUDGET").containsEntry("status", "EXECUTED")
                    .containsEntry("rule", "PERFORMANCE_SCALING").containsEntry("entityId", "cmp_winner");
            assertThat(((Map<?, ?>) action.get("parameters")).get("budgetMicros")).isEqualTo(120_000_000);
        });
        assertThat((List<?>) second.data("runAutopilot.actions")).as("cooldown").isEmpty();
        assertThat(platform.count((String) actions.get(0).get("id"))).isEqualTo(1);
    }

    @Test
    void aDegradedAccountsModeKeepsRaisesBack() {
        ingest(Signals.degraded("META", "act_9"));
        enableScaling();

        var run = buyer.execute(RUN).assertNoErrors();

        assertThat(((Number) run.data("runAutopilot.skippedByMode")).intValue()).isEqualTo(1);
        assertThat((List<?>) run.data("runAutopilot.actions")).isEmpty();
    }

    @Test
    void anEmergencyStopFreezesTheAutopilot() {
        ingest(Signals.healthy("META", "act_9", 100));
        enableScaling();
        buyer.execute("mutation { emergencyStop(reason: \"drill\") { mode } }").assertNoErrors();

        var run = buyer.execute(RUN).assertNoErrors();

        assertThat((Boolean) run.data("runAutopilot.frozen")).isTrue();
        assertThat(((Number) run.data("runAutopilot.proposals")).intValue()).isZero();
    }

    @Test
    void ruleSettingsAreValidatedAndOnlyAnAdminChangesThem() {
        var invalid = admin.execute("mutation { updateAutopilotRule(input: { type: PERFORMANCE_SCALING, lookbackDays: 0 }) { lookbackDays } }");
        var byBuyer = buyer.execute("mutation { updateAutopilotRule(input: { type: PERFORMANCE_SCALING, enabled: true }) { enabled } }");

        assertThat(invalid.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) invalid.errors().get(0).get("extensions")).get("field")).isEqualTo("input.lookbackDays");
        assertThat(byBuyer.errorCode()).isEqualTo("FORBIDDEN");
        List<Map<String, Object>> rules = buyer.execute("{ autopilotRules { type enabled cooldownMinutes } }").assertNoErrors()
                .data("autopilotRules");
        assertThat(rules).hasSize(3).allSatisfy(rule -> assertThat(rule).containsEntry("enabled", false));
    }

    private void enableScaling() {
        admin.execute("mutation { updateAutopilotRule(input: { type: PERFORMANCE_SCALING, enabled: true, targetRoas: 2.0 }) "
                + "{ enabled targetRoas } }").assertNoErrors();
    }

    private void ingest(Map<String, Object> input) {
        buyer.execute("mutation($in: SignalsInput!) { ingestSignals(input: $in) { overallScore } }", Map.of("in", input))
                .assertNoErrors();
    }

    /** What the connectors' sync writes: a campaign with a daily budget and a week of performance. */
    private void syncCampaign(String account, String campaign, long dailySpendMicros, long dailyRevenueMicros) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            execute(owner, "INSERT INTO campaigns (tenant_id, platform, account_id, campaign_id, name, status, budget_micros, "
                    + "budget_period, currency) VALUES (?, 'META', ?, ?, 'Winner', 'ACTIVE', 100000000, 'DAILY', 'USD')",
                    UUID.fromString(tenant), account, campaign);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int day = 1; day <= 7; day++) {
                execute(owner, "INSERT INTO campaign_daily_performance (tenant_id, platform, campaign_id, date, spend_micros, "
                                + "revenue_micros, conversions, impressions, clicks, currency) VALUES (?, 'META', ?, ?, ?, ?, 10, 10000, 200, 'USD')",
                        UUID.fromString(tenant), campaign, today.minusDays(day), dailySpendMicros, dailyRevenueMicros);
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private GraphQLClient userIn(GraphQLClient superAdmin, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }
}
