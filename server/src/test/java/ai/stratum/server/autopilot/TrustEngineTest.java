package ai.stratum.server.autopilot;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.Signals;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The trust engine as a client uses it: signals in, health out, actions gated, executed once, audited. */
@MicronautTest(transactional = false)
class TrustEngineTest extends IntegrationTest {

    private static final String INGEST = "mutation($in: SignalsInput!) { ingestSignals(input: $in) "
            + "{ overallScore emqScore freshnessScore varianceScore anomalyScore status issues platform accountId } }";
    private static final String SUBMIT = "mutation($a: ActionInput!, $dry: Boolean) { submitAction(action: $a, dryRun: $dry) "
            + "{ id status decision idempotencyKey trustGatePassed signalHealthAtDecision signalHealthAtExecution result error reasons } }";
    private static final String PASSWORD = "a-long-enough-password";

    @Inject
    RecordingDispatcher platform;

    private GraphQLClient admin;
    private GraphQLClient buyer;
    private GraphQLClient viewer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.test.recording-dispatcher", "true");
    }

    @BeforeEach
    void aFreshTenant() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n }) { id } }",
                Map.of("n", unique("Trust"))).assertNoErrors().data("createTenant.id");
        admin = userIn(superAdmin, tenant, "TENANT_ADMIN");
        buyer = userIn(superAdmin, tenant, "MEDIA_BUYER");
        viewer = userIn(superAdmin, tenant, "VIEWER");
    }

    @Test
    void ingestReturnsTheAccountsHealthAndEveryScopeReadsIt() {
        var healthy = buyer.execute(INGEST, Map.of("in", Signals.healthy("META", "act_1", 300))).assertNoErrors();
        buyer.execute(INGEST, Map.of("in", Signals.critical("META", "act_2"))).assertNoErrors();

        assertThat(number(healthy, "ingestSignals.overallScore")).isEqualTo(100.0);
        assertThat((String) healthy.data("ingestSignals.status")).isEqualTo("HEALTHY");
        assertThat(number(viewer.execute("{ signalHealth(platform: META, accountId: \"act_2\") { overallScore } }")
                .assertNoErrors(), "signalHealth.overallScore")).isEqualTo(17.5);
        var platform = viewer.execute("{ signalHealth(platform: META) { overallScore platform accountId issues } }").assertNoErrors();
        assertThat((String) platform.data("signalHealth.platform")).isEqualTo("META");
        assertThat((Object) platform.data("signalHealth.accountId")).isNull();
        // act_2 reported no spend: both weigh equally
        assertThat(number(platform, "signalHealth.overallScore")).isEqualTo(58.75);
        List<String> issues = platform.data("signalHealth.issues");
        assertThat(issues).anySatisfy(issue -> assertThat(issue).contains("act_2"));
        assertThat(number(viewer.execute("{ signalHealth { overallScore } }").assertNoErrors(), "signalHealth.overallScore"))
                .isEqualTo(58.75);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EMQ above 10          | emqScores        | [11.0]                      | input.emqScores[0]",
            "negative revenue      | platformRevenue  | -5.0                        | input.platformRevenue",
            "future timestamp      | lastReceivedAt   | \"2999-01-01T00:00:00Z\"    | input.lastReceivedAt",
            "CDP score above 100   | cdpEmqScore      | 101.0                       | input.cdpEmqScore"})
    void refusesOutOfRangeSignalsAndStoresNothing(String description, String field, String json, String path) {
        Map<String, Object> input = new HashMap<>(Signals.critical("META", "act_refused"));
        input.put(field, parse(json));

        var refused = buyer.execute(INGEST, Map.of("in", input));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) refused.errors().get(0).get("extensions")).get("field")).isEqualTo(path);
        assertThat(issues(viewer.execute("{ signalHealth(platform: META, accountId: \"act_refused\") { issues } }")))
                .noneMatch(issue -> issue.contains("EMQ averages 1.0"));
    }

    @Test
    void refusesDuplicateDates() {
        Map<String, Object> input = new HashMap<>(Signals.healthy("META", "act_dup", 100));
        List<Object> history = new java.util.ArrayList<>((List<?>) input.get("history"));
        history.add(history.get(0));
        input.put("history", history);

        var refused = buyer.execute(INGEST, Map.of("in", input));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat((String) ((Map<?, ?>) refused.errors().get(0).get("extensions")).get("field")).endsWith(".date");
    }

    @Test
    void aViewerCannotWriteSignalsOrActions() {
        assertThat(viewer.execute(INGEST, Map.of("in", Signals.healthy("META", "act_v", 1))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(viewer.execute(SUBMIT, Map.of("a", budget("act_v", "INCREASE_BUDGET"))).errorCode()).isEqualTo("FORBIDDEN");
    }

    @ParameterizedTest(name = "{0} health, {1}: {2}")
    @CsvSource({
            "healthy,  INCREASE_BUDGET,       PASS",
            "degraded, INCREASE_BUDGET,       HOLD",
            "degraded, UPDATE_BUDGET,         HOLD",
            "degraded, REDUCE_BUDGET,         PASS",
            "critical, REDUCE_BUDGET,         BLOCK",
            "critical, PAUSE_ALL,             PASS"})
    void evaluatesByTheHealthOfTheAccountTouched(String health, String actionType, String decision) {
        ingest(health, "act_e");

        var evaluation = buyer.execute("query($a: ActionInput!) { evaluateTrustGate(action: $a) "
                        + "{ decision riskLevel threshold autopilotMode reasons signalHealth { overallScore accountId } } }",
                Map.of("a", actionType.endsWith("BUDGET") ? budget("act_e", actionType) : action("act_e", actionType)))
                .assertNoErrors();

        assertThat((String) evaluation.data("evaluateTrustGate.decision")).isEqualTo(decision);
        assertThat((String) evaluation.data("evaluateTrustGate.signalHealth.accountId")).isEqualTo("act_e");
        assertThat(auditCount()).as("evaluating writes nothing").isZero();
    }

    @Test
    void aPassedActionExecutesOnceAndIsAudited() {
        ingest("healthy", "act_p");
        Map<String, Object> increase = new HashMap<>(budget("act_p", "INCREASE_BUDGET"));
        increase.put("idempotencyKey", "raise-act_p-1");

        var first = buyer.execute(SUBMIT, Map.of("a", increase)).assertNoErrors();
        var again = buyer.execute(SUBMIT, Map.of("a", increase)).assertNoErrors();

        String id = first.data("submitAction.id");
        assertThat((String) first.data("submitAction.status")).isEqualTo("EXECUTED");
        assertThat(number(first, "submitAction.signalHealthAtExecution")).isEqualTo(100.0);
        assertThat(first.body().toString()).contains("success=true");
        assertThat((String) again.data("submitAction.id")).isEqualTo(id);
        assertThat(platform.count(id)).isEqualTo(1);
        assertThat(auditDecisions()).containsExactly("EXECUTED", "EXECUTE");
    }

    @Test
    void aHeldActionWaitsForApprovalThenExecutes() {
        ingest("degraded", "act_h");
        String id = buyer.execute(SUBMIT, Map.of("a", budget("act_h", "UPDATE_BUDGET"))).assertNoErrors().data("submitAction.id");
        List<Map<String, Object>> pending = buyer.execute("{ pendingActions { totalCount edges { node { id status } } } }")
                .assertNoErrors().data("pendingActions.edges");
        assertThat(pending).extracting(edge -> (Object) ((Map<?, ?>) edge.get("node")).get("id")).containsExactly(id);

        var approved = buyer.execute("mutation($id: ID!) { approveAction(id: $id) { status decidedByUserId signalHealthAtExecution } }",
                Map.of("id", id)).assertNoErrors();

        assertThat((String) approved.data("approveAction.status")).isEqualTo("EXECUTED");
        assertThat(platform.count(id)).isEqualTo(1);
        assertThat(auditDecisions()).containsExactly("EXECUTED", "APPROVE", "HOLD");
        assertThat(buyer.execute("mutation($id: ID!) { approveAction(id: $id) { status } }", Map.of("id", id)).errorCode())
                .isEqualTo("CONFLICT");
    }

    @Test
    void anApprovedActionDoesNotExecuteIfHealthFellMeanwhile() {
        ingest("degraded", "act_f");
        String id = buyer.execute(SUBMIT, Map.of("a", budget("act_f", "UPDATE_BUDGET"))).assertNoErrors().data("submitAction.id");
        ingest("critical", "act_f");

        var approved = buyer.execute("mutation($id: ID!) { approveAction(id: $id) { status error signalHealthAtExecution } }",
                Map.of("id", id)).assertNoErrors();

        assertThat((String) approved.data("approveAction.status")).isEqualTo("BLOCKED");
        assertThat((String) approved.data("approveAction.error")).contains("fell to 17.5");
        assertThat(platform.count(id)).isZero();
    }

    @Test
    void aRejectedActionNeverExecutes() {
        ingest("degraded", "act_r");
        String id = buyer.execute(SUBMIT, Map.of("a", budget("act_r", "UPDATE_BUDGET"))).assertNoErrors().data("submitAction.id");

        var rejected = buyer.execute("mutation($id: ID!) { rejectAction(id: $id, reason: \"wrong week\") { status error } }",
                Map.of("id", id)).assertNoErrors();

        assertThat((String) rejected.data("rejectAction.status")).isEqualTo("REJECTED");
        assertThat(buyer.execute("mutation($id: ID!) { rejectAction(id: $id, reason: \"  \") { status } }", Map.of("id", id))
                .errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(platform.count(id)).isZero();
    }

    @Test
    void onlyATenantAdminOverridesABlock() {
        ingest("critical", "act_b");
        var blocked = buyer.execute(SUBMIT, Map.of("a", budget("act_b", "REDUCE_BUDGET"))).assertNoErrors();
        String id = blocked.data("submitAction.id");
        assertThat((String) blocked.data("submitAction.status")).isEqualTo("BLOCKED");

        assertThat(buyer.execute("mutation($id: ID!) { overrideAction(id: $id, reason: \"manual\") { status } }", Map.of("id", id))
                .errorCode()).isEqualTo("FORBIDDEN");
        var overridden = admin.execute("mutation($id: ID!) { overrideAction(id: $id, reason: \"data is fine, tracker outage\") "
                + "{ status } }", Map.of("id", id)).assertNoErrors();

        assertThat((String) overridden.data("overrideAction.status")).isEqualTo("EXECUTED");
        assertThat(platform.count(id)).isEqualTo(1);
        assertThat(auditDecisions()).containsExactly("EXECUTED", "OVERRIDE", "BLOCK");
    }

    @Test
    void aDryRunDecidesButNeverExecutes() {
        ingest("healthy", "act_d");

        var dry = buyer.execute(SUBMIT, Map.of("a", budget("act_d", "INCREASE_BUDGET"), "dry", true)).assertNoErrors();

        assertThat((String) dry.data("submitAction.status")).isEqualTo("DRY_RUN");
        assertThat((String) dry.data("submitAction.decision")).isEqualTo("PASS");
        assertThat(platform.count(dry.data("submitAction.id"))).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "budget action without budgetMicros | UPDATE_BUDGET | {}                       | action.parameters.budgetMicros",
            "negative budget                    | UPDATE_BUDGET | {\"budgetMicros\": -1}   | action.parameters.budgetMicros",
            "unknown status                     | UPDATE_STATUS | {\"status\": \"ON\"}     | action.parameters.status",
            "unexpected parameter               | PAUSE_UNDERPERFORMING | {\"x\": 1}       | action.parameters.x"})
    void refusesMalformedActions(String description, String type, String parameters, String field) {
        Map<String, Object> action = new HashMap<>(action("act_m", type));
        action.put("parameters", parse(parameters));

        var refused = buyer.execute(SUBMIT, Map.of("a", action));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) refused.errors().get(0).get("extensions")).get("field")).isEqualTo(field);
    }

    @Test
    void emergencyStopFreezesAndPausesEveryAccountUntilResumed() {
        ingest("healthy", "act_s1");
        ingest("critical", "act_s2");

        var stopped = buyer.execute("mutation { emergencyStop(reason: \"tracking broke\") { mode reason } }").assertNoErrors();

        assertThat((String) stopped.data("emergencyStop.mode")).isEqualTo("FROZEN");
        assertThat(platform.dispatched).filteredOn(action -> action.actionType().name().equals("PAUSE_ALL"))
                .extracting(StoredAction::accountId).contains("act_s1", "act_s2");
        assertThat((String) viewer.execute("{ autopilotMode(accountId: \"act_s1\") { mode } }").assertNoErrors()
                .data("autopilotMode.mode")).isEqualTo("FROZEN");
        assertThat(buyer.execute("mutation { resumeAutopilot { mode } }").errorCode()).isEqualTo("FORBIDDEN");
        assertThat((String) admin.execute("mutation { resumeAutopilot { mode } }").assertNoErrors().data("resumeAutopilot.mode"))
                .isEqualTo("CUTS_ONLY");
        assertThat(auditDecisions()).contains("EMERGENCY_STOP", "RESUME");
    }

    @Test
    void inconsistentGateThresholdsAreRefused() {
        var refused = admin.execute("mutation { updateTrustGateConfig(input: { holdThreshold: 75 }) { holdThreshold } }");
        var byBuyer = buyer.execute("mutation { updateTrustGateConfig(input: { standardThreshold: 65 }) { standardThreshold } }");
        var stricter = admin.execute("mutation { updateTrustGateConfig(input: { standardThreshold: 65 }) { standardThreshold holdThreshold } }");

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(byBuyer.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(number(stricter.assertNoErrors(), "updateTrustGateConfig.standardThreshold")).isEqualTo(65.0);
        ingest("degraded", "act_c");
        assertThat((String) buyer.execute("query($a: ActionInput!) { evaluateTrustGate(action: $a) { decision } }",
                Map.of("a", budget("act_c", "UPDATE_BUDGET"))).assertNoErrors().data("evaluateTrustGate.decision")).isEqualTo("PASS");
    }

    @Test
    void withSignalHealthSwitchedOffOnlyAlwaysAllowedActionsPass() {
        ingest("healthy", "act_o");
        admin.execute("mutation { setFeatureFlag(name: SIGNAL_HEALTH, enabled: false) { name enabled } }").assertNoErrors();

        assertThat(viewer.execute("{ signalHealth { overallScore } }").errorCode()).isEqualTo("UNAVAILABLE");
        assertThat((String) buyer.execute("query($a: ActionInput!) { evaluateTrustGate(action: $a) { decision } }",
                Map.of("a", budget("act_o", "REDUCE_BUDGET"))).assertNoErrors().data("evaluateTrustGate.decision")).isEqualTo("BLOCK");
        assertThat((String) buyer.execute("query($a: ActionInput!) { evaluateTrustGate(action: $a) { decision } }",
                Map.of("a", action("act_o", "PAUSE_ALL"))).assertNoErrors().data("evaluateTrustGate.decision")).isEqualTo("PASS");
    }

    @Test
    void historyKeepsTodaysTenantAndPlatformRows() {
        ingest("healthy", "act_y");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        var tenantRows = viewer.execute("query($d: Date!) { signalHealthHistory(from: $d, to: $d) "
                + "{ date platform overallScore status platformsOk automationBlocked } }", Map.of("d", today)).assertNoErrors();
        var metaRows = viewer.execute("query($d: Date!) { signalHealthHistory(from: $d, to: $d, platform: META) "
                + "{ platform platformsOk } }", Map.of("d", today)).assertNoErrors();

        assertThat((List<?>) tenantRows.data("signalHealthHistory")).hasSize(1);
        assertThat((Object) tenantRows.data("signalHealthHistory.0.platform")).isNull();
        assertThat(((Number) tenantRows.data("signalHealthHistory.0.platformsOk")).intValue()).isEqualTo(1);
        assertThat((String) metaRows.data("signalHealthHistory.0.platform")).isEqualTo("META");
        assertThat(viewer.execute("{ signalHealthHistory(from: \"2026-02-01\", to: \"2026-01-01\") { date } }").errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void tenantSettingsOverrideTheServersAndAreValidated() {
        ingest("degraded", "act_t");
        admin.execute("mutation { updateTrustSettings(settings: [{ name: \"TRUST_DEGRADED_THRESHOLD\", value: \"70\" }, "
                + "{ name: \"TRUST_HEALTHY_THRESHOLD\", value: \"75\" }]) { name value } }").assertNoErrors();

        assertThat((String) viewer.execute("{ signalHealth(platform: META, accountId: \"act_t\") { status } }").assertNoErrors()
                .data("signalHealth.status")).isEqualTo("CRITICAL");
        assertThat(admin.execute("mutation { updateTrustSettings(settings: [{ name: \"TRUST_HEALTHY_THRESHOLD\", value: \"abc\" }]) "
                + "{ name } }").errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(admin.execute("mutation { updateTrustSettings(settings: [{ name: \"PATH\", value: \"1\" }]) { name } }").errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void theAuditLogFiltersAndPages() {
        ingest("degraded", "act_a");
        for (int i = 0; i < 3; i++) {
            buyer.execute(SUBMIT, Map.of("a", budget("act_a", "UPDATE_BUDGET"))).assertNoErrors();
        }

        var page = buyer.execute("{ trustGateAuditLog(filter: { decision: HOLD }, first: 2) { totalCount "
                + "edges { node { decisionType actionType platform signalHealthScore signalHealthStatus gatePassed isDryRun "
                + "triggeredBySystem triggeredByUserId healthyThreshold degradedThreshold createdAt } } pageInfo { hasNextPage endCursor } } }")
                .assertNoErrors();

        assertThat(((Number) page.data("trustGateAuditLog.totalCount")).intValue()).isEqualTo(3);
        assertThat((Boolean) page.data("trustGateAuditLog.pageInfo.hasNextPage")).isTrue();
        assertThat((String) page.data("trustGateAuditLog.edges.0.node.signalHealthStatus")).isEqualTo("DEGRADED");
        assertThat((Boolean) page.data("trustGateAuditLog.edges.0.node.triggeredBySystem")).isFalse();
        assertThat(viewer.execute("{ trustGateAuditLog { totalCount } }").errorCode()).isEqualTo("FORBIDDEN");
    }

    private void ingest(String health, String account) {
        Map<String, Object> input = switch (health) {
            case "healthy" -> Signals.healthy("META", account, 100);
            case "degraded" -> Signals.degraded("META", account);
            default -> Signals.critical("META", account);
        };
        buyer.execute(INGEST, Map.of("in", input)).assertNoErrors();
    }

    private long auditCount() {
        return ((Number) admin.execute("{ trustGateAuditLog { totalCount } }").assertNoErrors().data("trustGateAuditLog.totalCount"))
                .longValue();
    }

    private List<String> auditDecisions() {
        List<Map<String, Object>> edges = admin.execute("{ trustGateAuditLog(first: 100) { edges { node { decisionType } } } }")
                .assertNoErrors().data("trustGateAuditLog.edges");
        return edges.stream().map(edge -> (String) ((Map<?, ?>) edge.get("node")).get("decisionType")).toList();
    }

    private static Map<String, Object> budget(String account, String type) {
        Map<String, Object> action = new HashMap<>(action(account, type));
        action.put("parameters", Map.of("budgetMicros", 150_000_000));
        return action;
    }

    private static Map<String, Object> action(String account, String type) {
        boolean onAccount = type.equals("PAUSE_ALL");
        return Map.of("platform", "META", "accountId", account, "entityType", onAccount ? "ACCOUNT" : "CAMPAIGN",
                "entityId", onAccount ? account : "cmp_1", "actionType", type);
    }

    private GraphQLClient userIn(GraphQLClient superAdmin, String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }

    private static double number(GraphQLClient.Result result, String path) {
        return ((Number) result.data(path)).doubleValue();
    }

    private static List<String> issues(GraphQLClient.Result result) {
        return result.assertNoErrors().data("signalHealth.issues");
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
