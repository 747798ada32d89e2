package ai.stratum.server.connectors;

import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.Signals;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actions the trust gate lets through, executed on the platform through the account's connection
 * and the real wire plugin's ActionExecutor; the platform's answer is the action's result.
 */
@MicronautTest(transactional = false)
class ActionExecutionTest extends ConnectorsIntegrationTest {

    private static final String SUBMIT = "mutation($a: ActionInput!) { submitAction(action: $a) "
            + "{ id status decision result error idempotencyKey } }";

    private TestTenant tenant;
    private String account;
    private String campaign;

    @BeforeEach
    void aFreshTenantAndAccount() {
        platform.clearRequests();
        tenant = aTenant();
        account = "act_" + UUID.randomUUID().toString().substring(0, 8);
        campaign = "c-" + account;
    }

    @Test
    void executesABudgetChangeThroughTheConnectionAndStoresThePlatformsAnswer() {
        String connection = syncedAccount("token-act");
        platform.on("POST", actions()).respond(WireResponse.json(200, "{\"success\":true,\"id\":\"" + campaign + "\"}"));

        Map<String, Object> executed = submit(action("INCREASE_BUDGET", "CAMPAIGN", campaign, Map.of("budgetMicros", 60_000_000),
                "raise-" + account));

        assertThat(executed).containsEntry("status", "EXECUTED").containsEntry("error", null);
        assertThat((Map<String, Object>) executed.get("result"))
                .containsEntry("platformResponses", List.of("{\"success\":true,\"id\":\"" + campaign + "\"}"))
                .containsEntry("idempotencyKey", "raise-" + account);
        RecordedRequest sent = platform.requests("POST", actions()).get(0);
        assertThat(sent.header("Idempotency-Key")).contains("raise-" + account);
        assertThat(sent.header("Authorization")).contains("Bearer token-act");
        assertThat(sent.body()).isEqualTo("type=INCREASE_BUDGET\nCAMPAIGN|" + campaign + "|budget|DAILY|60000000|USD\n");
        assertThat(connection).isNotBlank();
    }

    @Test
    void aResubmittedKeyNeverReachesThePlatformTwice() {
        syncedAccount("token-once");
        platform.on("POST", actions()).respond(WireResponse.json(200, "{\"success\":true}"));
        Map<String, Object> input = action("REDUCE_BUDGET", "CAMPAIGN", campaign, Map.of("budgetMicros", 40_000_000), "cut-" + account);

        Map<String, Object> first = submit(input);
        Map<String, Object> again = submit(input);

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(platform.requests("POST", actions())).hasSize(1);
    }

    @Test
    void pauseAllPausesTheAccount() {
        connect(tenant.buyer(), account, "token-pause-all", null);
        platform.on("POST", actions()).respond(WireResponse.json(200, "{\"paused\":3}"));

        Map<String, Object> executed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(executed).containsEntry("status", "EXECUTED");
        assertThat(platform.requests("POST", actions()).get(0).body()).isEqualTo("type=PAUSE_ALL\nACCOUNT|" + account + "|status|PAUSED\n");
    }

    @Test
    void anUnconnectedAccountFailsWithTheReason() {
        Map<String, Object> failed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).isEqualTo("Account " + account + " on META has no connection to execute with; "
                + "connect the account first");
        assertThat(platform.requests("POST", actions())).isEmpty();
    }

    @Test
    void aConnectionThatNeedsReauthenticationExecutesNothing() throws SQLException {
        String id = connect(tenant.buyer(), account, "token-revoked", null);
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement update = owner.prepareStatement(
                "UPDATE connections SET status = 'NEEDS_REAUTH', last_error = 'token revoked' WHERE id = ?")) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }

        Map<String, Object> failed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).contains("its connection is NEEDS_REAUTH; reconnect it (token revoked)");
        assertThat(platform.requests("POST", actions())).isEmpty();
    }

    @Test
    void aPausedConnectionExecutesNothing() {
        String id = connect(tenant.buyer(), account, "token-paused", null);
        tenant.buyer().execute("mutation($id: ID!) { pauseConnection(id: $id) { id } }", Map.of("id", id)).assertNoErrors();

        Map<String, Object> failed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat((String) failed.get("error")).contains("its connection is PAUSED; resume it first");
    }

    @Test
    void aPlatformRefusalFailsTheActionWithThePlatformsWords() {
        connect(tenant.buyer(), account, "token-refused", null);
        platform.on("POST", actions()).respond(WireResponse.of(400, "(#2635) Ad account is disabled"));

        Map<String, Object> failed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).isEqualTo("META rejected the request while executing PAUSE_ALL (code 400): "
                + "(#2635) Ad account is disabled");
    }

    @Test
    void revokedCredentialsAtExecutionMarkTheConnection() {
        String id = connect(tenant.buyer(), account, "token-gone", null);
        platform.on("POST", actions()).respond(WireResponse.of(401, "Error validating access token: session invalidated"));

        Map<String, Object> failed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat(connection(tenant.viewer(), id)).containsEntry("status", "NEEDS_REAUTH")
                .containsEntry("lastError", "Error validating access token: session invalidated");
    }

    @Test
    void anExpiredTokenAtExecutionIsRefreshedAndTheActionExecutedOnce() {
        connect(tenant.buyer(), account, "stale-token", "refresh-act");
        platform.once("POST", actions()).respond(WireResponse.of(401, "expired: token expired"));
        platform.on("POST", actions()).respond(WireResponse.json(200, "{\"success\":true}"));
        platform.on("POST", "/oauth/token").respond(WireResponse.of(200, "access_token=fresh-token\n"));

        Map<String, Object> executed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(executed).containsEntry("status", "EXECUTED");
        assertThat(platform.requests("POST", actions())).extracting(request -> request.header("Authorization").orElseThrow())
                .containsExactly("Bearer stale-token", "Bearer fresh-token");
    }

    @Test
    void anActionThePluginDoesNotExecuteIsNeverSent() {
        syncedAccount("token-bid");

        Map<String, Object> failed = submit(action("UPDATE_BID", "CAMPAIGN", campaign, Map.of("bidMicros", 1_500_000), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).isEqualTo("The wire-meta plugin does not execute UPDATE_BID on META");
        assertThat(platform.requests("POST", actions())).isEmpty();
    }

    @Test
    void aBudgetWithoutASyncedCampaignIsNotGuessed() {
        connect(tenant.buyer(), account, "token-unsynced", null);
        tenant.buyer().execute("mutation($in: SignalsInput!) { ingestSignals(input: $in) { overallScore } }",
                Map.of("in", Signals.healthy("META", account, 100))).assertNoErrors();

        Map<String, Object> failed = submit(action("REDUCE_BUDGET", "CAMPAIGN", "never-synced", Map.of("budgetMicros", 1_000_000), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).contains("The budget of CAMPAIGN never-synced is not known").contains("sync the account first");
        assertThat(platform.requests("POST", actions())).isEmpty();
    }

    @Test
    void aCrashingPluginFailsTheActionAndNothingElse() {
        connect(tenant.buyer(), account, "token-crash", null);
        platform.on("POST", actions()).respond(WireResponse.of(200, "crash"));

        Map<String, Object> failed = submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).contains("The wire-meta plugin failed while executing PAUSE_ALL (IllegalStateException");
        platform.on("POST", actions()).respond(WireResponse.json(200, "{}"));
        assertThat(submit(action("PAUSE_ALL", "ACCOUNT", account, Map.of(), null))).containsEntry("status", "EXECUTED");
    }

    /** A connected, synced account with one campaign on a daily budget and steady data, so its health is high. */
    private String syncedAccount(String token) {
        WireAccount.of(account).campaign(campaign, "Spring", "ACTIVE", 50_000_000).daily(campaign, 10, 40_000_000, 4, 160_000_000)
                .serveOn(platform);
        String id = connect(tenant.buyer(), account, token, null);
        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "SUCCEEDED");
        return id;
    }

    private Map<String, Object> submit(Map<String, Object> action) {
        return tenant.buyer().execute(SUBMIT, Map.of("a", action)).assertNoErrors().data("submitAction");
    }

    private Map<String, Object> action(String type, String entityType, String entityId, Map<String, Object> parameters, String key) {
        Map<String, Object> action = new HashMap<>(Map.of("platform", "META", "accountId", account, "entityType", entityType,
                "entityId", entityId, "actionType", type, "parameters", parameters));
        if (key != null) {
            action.put("idempotencyKey", key);
        }
        return action;
    }

    private String actions() {
        return "/v1/" + account + "/actions";
    }
}
