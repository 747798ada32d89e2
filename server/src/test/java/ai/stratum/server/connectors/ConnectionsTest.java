package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.TestDatabase;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Connected accounts as a client manages them: connect, list, roles, inputs, tenants, disconnect, OAuth. */
@MicronautTest(transactional = false)
class ConnectionsTest extends ConnectorsIntegrationTest {

    private static final String CONNECT = "mutation($i: ConnectAccountInput!) { connectAccount(input: $i) "
            + "{ id platform accountId displayName status lastSyncAt lastSyncStatus lastError createdAt updatedAt } }";
    private static final String LIST = "{ connections { id platform accountId displayName status lastSyncAt lastSyncStatus lastError } }";
    private static final String START = "mutation($p: Platform!, $r: String!, $a: String!, $n: String) "
            + "{ startOAuth(platform: $p, redirectUri: $r, accountId: $a, displayName: $n) { authorizationUrl state expiresAt } }";

    @Inject
    CredentialStore credentials;

    private TestTenant tenant;

    @BeforeEach
    void aFreshTenant() {
        platform.clearRequests();
        tenant = aTenant();
    }

    @Test
    void connectsAnAccountAndListsItWithoutItsSecrets() {
        GraphQLClient.Result connected = tenant.buyer().execute(CONNECT, Map.of("i", input("act_100", "EAAB-secret-token-1")))
                .assertNoErrors();

        Map<String, Object> connection = connected.data("connectAccount");
        assertThat(connection).containsEntry("platform", "META").containsEntry("accountId", "act_100")
                .containsEntry("displayName", "act_100").containsEntry("status", "ACTIVE")
                .containsEntry("lastSyncAt", null).containsEntry("lastError", null);
        GraphQLClient.Result listed = tenant.viewer().execute(LIST).assertNoErrors();
        assertThat((List<Map<String, Object>>) listed.data("connections")).singleElement()
                .satisfies(listedConnection -> assertThat(listedConnection).containsEntry("id", connection.get("id")));
        assertThat(listed.body().toString()).doesNotContain("EAAB-secret-token-1");
        assertThat(connected.body().toString()).doesNotContain("EAAB-secret-token-1");
    }

    @Test
    void theSchemaHasNoFieldThatCouldReturnCredentials() {
        GraphQLClient.Result asked = tenant.viewer().execute("{ connections { id accessToken } }");

        assertThat(asked.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(asked.errorMessage()).contains("accessToken");
    }

    @Test
    void storesTheCredentialsSealedAndOpensThemForItsOwnRowOnly() throws SQLException {
        String id = connect(tenant.buyer(), "act_sealed", "EAAB-sealed-token", "refresh-sealed");

        byte[] stored;
        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement select = owner.prepareStatement("SELECT credentials FROM connections WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                stored = row.getBytes(1);
            }
        }
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("EAAB-sealed-token");
        Credentials opened = credentials.load(new TenantId(UUID.fromString(tenant.id())), UUID.fromString(id)).block();
        assertThat(opened.values()).containsEntry(Credentials.ACCESS_TOKEN, "EAAB-sealed-token")
                .containsEntry(Credentials.REFRESH_TOKEN, "refresh-sealed")
                .doesNotContainKeys(Credentials.CLIENT_ID, Credentials.CLIENT_SECRET);
    }

    @Test
    void reconnectingReplacesTheCredentialsAndMakesTheConnectionActive() throws SQLException {
        String id = connect(tenant.buyer(), "act_again", "old-access-token", null);
        ownerUpdate("UPDATE connections SET status = 'NEEDS_REAUTH', last_error = 'revoked' WHERE id = ?", id);

        Map<String, Object> input = new HashMap<>(input("act_again", "new-access-token"));
        input.put("displayName", "Renamed");
        GraphQLClient.Result again = tenant.admin().execute(CONNECT, Map.of("i", input)).assertNoErrors();

        assertThat((Map<String, Object>) again.data("connectAccount")).containsEntry("id", id).containsEntry("status", "ACTIVE")
                .containsEntry("lastError", null).containsEntry("displayName", "Renamed");
        assertThat(credentials.load(new TenantId(UUID.fromString(tenant.id())), UUID.fromString(id)).block().values())
                .containsEntry(Credentials.ACCESS_TOKEN, "new-access-token");
        assertThat((List<?>) tenant.viewer().execute(LIST).data("connections")).hasSize(1);
    }

    @Test
    void onlyMediaBuyersAndAboveChangeConnections() {
        String id = connect(tenant.admin(), "act_roles", "token-roles", null);

        for (GraphQLClient reader : List.of(tenant.viewer(), tenant.analyst())) {
            assertThat(reader.execute(CONNECT, Map.of("i", input("act_other", "token-x"))).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(reader.execute("mutation($id: ID!) { disconnect(id: $id) }", Map.of("id", id)).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(reader.execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id)).errorCode())
                    .isEqualTo("FORBIDDEN");
            assertThat(reader.execute("mutation($id: ID!) { pauseConnection(id: $id) { id } }", Map.of("id", id)).errorCode())
                    .isEqualTo("FORBIDDEN");
            assertThat(reader.execute(START, Map.of("p", "META", "r", "https://app.example/cb", "a", "act_1")).errorCode())
                    .isEqualTo("FORBIDDEN");
            assertThat((List<?>) reader.execute(LIST).assertNoErrors().data("connections")).hasSize(1);
        }
        assertThat(graphql().execute(LIST).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "blank account         | accountId   | '   '                 | input.accountId",
            "long account          | accountId   | xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | input.accountId",
            "blank token           | accessToken | '  '                  | input.accessToken",
            "token with a space    | accessToken | 'two words'           | input.accessToken",
            "blank refresh token   | refreshToken| ' '                   | input.refreshToken",
            "blank display name    | displayName | ' '                   | input.displayName"})
    void refusesBadInputNamingTheField(String description, String field, String value, String path) {
        Map<String, Object> input = new HashMap<>(input("act_bad", "good-token"));
        input.put(field, value);

        GraphQLClient.Result refused = tenant.buyer().execute(CONNECT, Map.of("i", input));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(field(refused)).isEqualTo(path);
        assertThat(refused.errorMessage()).doesNotContain("two words");
        assertThat((List<?>) tenant.viewer().execute(LIST).data("connections")).isEmpty();
    }

    @Test
    void refusesAPlatformNoInstalledPluginConnectsTo() {
        Map<String, Object> input = new HashMap<>(input("adv_1", "token"));
        input.put("platform", "TIKTOK");

        GraphQLClient.Result refused = tenant.buyer().execute(CONNECT, Map.of("i", input));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(field(refused)).isEqualTo("input.platform");
        assertThat(refused.errorMessage()).contains("No installed plugin connects to TIKTOK");
    }

    @Test
    void aTenantNeverSeesOrTouchesAnotherTenantsConnections() {
        String id = connect(tenant.buyer(), "act_mine", "token-mine", null);
        TestTenant other = aTenant();

        assertThat((List<?>) other.viewer().execute(LIST).assertNoErrors().data("connections")).isEmpty();
        assertThat((Boolean) other.buyer().execute("mutation($id: ID!) { disconnect(id: $id) }", Map.of("id", id)).assertNoErrors()
                .data("disconnect")).isFalse();
        assertThat(other.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id)).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat(other.buyer().execute("mutation($id: ID!) { pauseConnection(id: $id) { id } }", Map.of("id", id)).errorCode())
                .isEqualTo("NOT_FOUND");
        // the same account may be connected by another tenant, with its own credentials
        connect(other.buyer(), "act_mine", "token-theirs", null);
        assertThat(credentials.load(new TenantId(UUID.fromString(tenant.id())), UUID.fromString(id)).block().values())
                .containsEntry(Credentials.ACCESS_TOKEN, "token-mine");
        assertThat((List<?>) tenant.viewer().execute(LIST).data("connections")).hasSize(1);
    }

    @Test
    void disconnectDeletesTheConnectionAndItsCredentials() throws SQLException {
        String id = connect(tenant.buyer(), "act_gone", "token-gone", null);

        assertThat((Boolean) tenant.buyer().execute("mutation($id: ID!) { disconnect(id: $id) }", Map.of("id", id)).assertNoErrors()
                .data("disconnect")).isTrue();

        assertThat((List<?>) tenant.viewer().execute(LIST).data("connections")).isEmpty();
        assertThat(ownerCount("SELECT count(*) FROM connections WHERE id = ?", id)).isZero();
        assertThat((Boolean) tenant.buyer().execute("mutation($id: ID!) { disconnect(id: $id) }", Map.of("id", id)).assertNoErrors()
                .data("disconnect")).isFalse();
        assertThat(ownerCount("SELECT count(*) FROM audit_events WHERE target_id = ? AND action = 'connection.disconnected'", id))
                .isEqualTo(1);
    }

    @Test
    void refusesAnIdThatIsNotOne() {
        GraphQLClient.Result refused = tenant.buyer().execute("mutation { disconnect(id: \"not-an-id\") }");

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(field(refused)).isEqualTo("id");
    }

    @Test
    void pausesAndResumes() {
        String id = connect(tenant.buyer(), "act_pause", "token-pause", null);

        assertThat((String) tenant.buyer().execute("mutation($id: ID!) { pauseConnection(id: $id) { status } }", Map.of("id", id))
                .assertNoErrors().data("pauseConnection.status")).isEqualTo("PAUSED");
        assertThat(tenant.buyer().execute("mutation($id: ID!) { pauseConnection(id: $id) { status } }", Map.of("id", id)).errorCode())
                .isEqualTo("CONFLICT");
        assertThat(tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id)).errorMessage())
                .contains("PAUSED");
        assertThat((String) tenant.buyer().execute("mutation($id: ID!) { resumeConnection(id: $id) { status } }", Map.of("id", id))
                .assertNoErrors().data("resumeConnection.status")).isEqualTo("ACTIVE");
    }

    // --- OAuth -------------------------------------------------------------------------------------------------

    @Test
    void oauthConnectsTheAccountTheFlowWasStartedFor() {
        platform.on("POST", "/oauth/token").respond(WireResponse.of(200,
                "access_token=oauth-access-1\nrefresh_token=oauth-refresh-1\nexpires_at=2030-01-01T00:00:00Z\n"));
        String redirect = server.getURI() + "/oauth/callback/meta";

        Map<String, Object> started = tenant.buyer().execute(START, Map.of("p", "META", "r", redirect, "a", "act_oauth", "n", "Shop"))
                .assertNoErrors().data("startOAuth");
        String state = (String) started.get("state");
        URI authorization = URI.create((String) started.get("authorizationUrl"));
        assertThat(authorization.getPath()).isEqualTo("/dialog/oauth");
        assertThat(authorization.getQuery()).contains("client_id=" + CLIENT_ID).contains("state=" + state)
                .contains("redirect_uri=" + redirect);

        HttpResponse<String> page = callback("meta", "code=the-code&state=" + state);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connected META account act_oauth (Shop)");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        RecordedRequest exchange = platform.requests("POST", "/oauth/token").get(0);
        assertThat(exchange.formFields()).containsEntry("code", "the-code").containsEntry("redirect_uri", redirect)
                .containsEntry("client_secret", CLIENT_SECRET);
        Map<String, Object> connection = ((List<Map<String, Object>>) tenant.viewer().execute(LIST).data("connections")).get(0);
        assertThat(connection).containsEntry("accountId", "act_oauth").containsEntry("displayName", "Shop").containsEntry("status", "ACTIVE");
        assertThat(credentials.load(new TenantId(UUID.fromString(tenant.id())), UUID.fromString((String) connection.get("id"))).block()
                .values()).containsEntry(Credentials.ACCESS_TOKEN, "oauth-access-1").containsEntry(Credentials.REFRESH_TOKEN, "oauth-refresh-1");
    }

    @Test
    void aStateWorksOnce() {
        platform.on("POST", "/oauth/token").respond(WireResponse.of(200, "access_token=oauth-access-2\n"));
        String state = startOAuth("act_once");

        assertThat(callback("meta", "code=c1&state=" + state).statusCode()).isEqualTo(200);
        HttpResponse<String> reused = callback("meta", "code=c2&state=" + state);

        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("unknown or was already used");
        assertThat(platform.requests("POST", "/oauth/token")).hasSize(1);
    }

    @Test
    void anExpiredStateIsRefusedAndNothingIsExchanged() throws SQLException {
        String state = startOAuth("act_expired");
        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement update = owner.prepareStatement(
                     "UPDATE oauth_states SET expires_at = now() - interval '1 minute' WHERE state_hash = ?")) {
            update.setBytes(1, OAuthService.hash(state));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        HttpResponse<String> page = callback("meta", "code=c&state=" + state);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("expired");
        assertThat(platform.requests("POST", "/oauth/token")).isEmpty();
        assertThat((List<?>) tenant.viewer().execute(LIST).data("connections")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "forged state       | meta     | code=c&state=forged-state-value           | 400 | unknown or was already used",
            "no state           | meta     | code=c                                    | 400 | carries no state",
            "unknown platform   | myspace  | code=c&state=x                            | 404 | Unknown platform",
            "html in the state  | meta     | code=c&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E | 400 | unknown or was already used"})
    void refusesABadCallback(String description, String platformPath, String query, int status, String message) {
        HttpResponse<String> page = callback(platformPath, query);

        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains(message).doesNotContain("<script>");
        assertThat(platform.requests("POST", "/oauth/token")).isEmpty();
    }

    @Test
    void aStateStartedForOnePlatformDoesNotCompleteAnother() {
        String state = startOAuth("act_cross");

        HttpResponse<String> page = callback("google", "code=c&state=" + state);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("started for META, not GOOGLE");
    }

    @Test
    void aRefusalOnThePlatformIsShownAndUsesTheState() {
        String state = startOAuth("act_denied");

        HttpResponse<String> page = callback("meta", "error=access_denied&error_description=Permissions+error&state=" + state);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("META did not grant access: access_denied (Permissions error)");
        assertThat(callback("meta", "code=c&state=" + state).statusCode()).isEqualTo(400);
    }

    @Test
    void aFailedCodeExchangeConnectsNothing() {
        platform.on("POST", "/oauth/token").respond(WireResponse.of(400, "invalid_code: This authorization code has been used"));
        String state = startOAuth("act_bad_code");

        HttpResponse<String> page = callback("meta", "code=used&state=" + state);

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).contains("META rejected the request while exchanging the authorization code")
                .contains("This authorization code has been used");
        assertThat((List<?>) tenant.viewer().execute(LIST).data("connections")).isEmpty();
    }

    @Test
    void aUserDemotedSinceStartingCannotComplete() throws SQLException {
        platform.on("POST", "/oauth/token").respond(WireResponse.of(200, "access_token=t\n"));
        String state = startOAuth("act_demoted");
        ownerUpdate("UPDATE users SET role = 'VIEWER' WHERE tenant_id = ? AND role = 'MEDIA_BUYER'", tenant.id());

        HttpResponse<String> page = callback("meta", "code=c&state=" + state);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(platform.requests("POST", "/oauth/token")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "relative redirect   | /oauth/callback/meta            | META   | redirectUri",
            "ftp redirect        | ftp://host/cb                    | META   | redirectUri",
            "fragment            | https://app.example/cb#x         | META   | redirectUri",
            "no OAuth plugin     | https://app.example/cb           | GOOGLE | platform",
            "no plugin at all    | https://app.example/cb           | TIKTOK | platform"})
    void refusesABadStart(String description, String redirect, String platformName, String field) {
        GraphQLClient.Result refused = tenant.buyer().execute(START, Map.of("p", platformName, "r", redirect, "a", "act_1"));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(field(refused)).isEqualTo(field);
    }

    @Test
    void oauthNeedsThePlatformAppToBeConfigured() {
        GraphQLClient.Result refused = tenant.buyer().execute(START, Map.of("p", "SNAPCHAT", "r", "https://app.example/cb", "a", "ads_1"));

        assertThat(refused.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(refused.errorMessage()).contains("STRATUM_SNAPCHAT_CLIENT_ID").contains("STRATUM_SNAPCHAT_CLIENT_SECRET");
    }

    private String startOAuth(String account) {
        return tenant.buyer().execute(START, Map.of("p", "META", "r", server.getURI() + "/oauth/callback/meta", "a", account))
                .assertNoErrors().data("startOAuth.state");
    }

    private HttpResponse<String> callback(String platformPath, String query) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/oauth/callback/" + platformPath + "?" + query))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> input(String account, String token) {
        return Map.of("platform", "META", "accountId", account, "accessToken", token);
    }

    private static String field(GraphQLClient.Result result) {
        return (String) ((Map<?, ?>) result.errors().get(0).get("extensions")).get("field");
    }

    private static void ownerUpdate(String sql, String id) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement update = owner.prepareStatement(sql)) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }
    }

    private static long ownerCount(String sql, String id) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement select = owner.prepareStatement(sql)) {
            select.setObject(1, id.length() == 36 && sql.contains("connections") ? UUID.fromString(id) : id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
