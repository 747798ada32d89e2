package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.TestDatabase;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Syncs end to end: GraphQL → sync service → the real wire plugin jar → the host's transport →
 * HTTP to a local platform, and back into campaigns, daily performance and signal health.
 */
@MicronautTest(transactional = false)
class SyncTest extends ConnectorsIntegrationTest {

    private static final String HEALTH = "query($a: String!) { signalHealth(platform: META, accountId: $a) "
            + "{ overallScore emqScore freshnessScore status issues } }";

    @Inject
    CredentialStore credentials;

    @Inject
    MeterRegistry meters;

    private TestTenant tenant;
    private String account;

    @BeforeEach
    void aFreshTenantAndAccount() {
        platform.clearRequests();
        tenant = aTenant();
        account = "act_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void writesCampaignsPerformanceAndTheSignalSnapshot() throws SQLException {
        WireAccount.of(account)
                .campaign("c1-" + account, "Spring sale", "ACTIVE", 50_000_000)
                .campaignWithoutBudget("c2-" + account, "Brand")
                .daily("c1-" + account, 10, 100_000_000, 5, 300_000_000)
                .serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-sync-1", null);
        double before = score(tenant.viewer(), account);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 12).containsEntry("error", null)
                .containsEntry("to", WireAccount.today().toString())
                .containsEntry("from", WireAccount.today().minusDays(27).toString());
        assertThat(sum("SELECT sum(spend_micros) FROM campaign_daily_performance WHERE campaign_id = ?", "c1-" + account))
                .isEqualTo(1_000_000_000L);
        assertThat(campaign("c1-" + account)).containsEntry("budget_micros", 50_000_000L).containsEntry("budget_period", "DAILY")
                .containsEntry("status", "ACTIVE").containsEntry("currency", "USD").containsEntry("account_id", account);
        assertThat(campaign("c2-" + account)).containsEntry("budget_micros", null).containsEntry("currency", "USD");
        Map<String, Object> health = tenant.viewer().execute(HEALTH, Map.of("a", account)).assertNoErrors().data("signalHealth");
        assertThat(((Number) health.get("emqScore")).doubleValue()).isEqualTo(95.0);
        assertThat(((Number) health.get("freshnessScore")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) health.get("overallScore")).doubleValue()).isGreaterThan(before).isGreaterThan(90.0);
        assertThat(connection(tenant.viewer(), id)).containsEntry("lastSyncStatus", "SUCCEEDED").containsEntry("lastError", null)
                .containsEntry("status", "ACTIVE");
        assertThat(connection(tenant.viewer(), id).get("lastSyncAt")).isNotNull();
    }

    @Test
    void endsTheWindowOnTheAccountsTodayOnceItsPluginHasNamedItsTimeZone() throws SQLException {
        // UTC+14: the account's today is the tenant's (UTC) tomorrow from 10:00 UTC on
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).timeZone(kiritimati.getId()).serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-zone", null);

        Map<String, Object> first = syncAndWait(tenant.buyer(), id);
        LocalDate before = LocalDate.now(kiritimati);
        Map<String, Object> second = syncAndWait(tenant.buyer(), id);
        LocalDate after = LocalDate.now(kiritimati);

        assertThat(first).containsEntry("to", WireAccount.today().toString());
        assertThat(second.get("to")).isIn(before.toString(), after.toString());
        assertThat(second.get("from")).isEqualTo(LocalDate.parse((String) second.get("to")).minusDays(27).toString());
        assertThat(sum("SELECT count(*) FROM connections WHERE account_id = ? AND time_zone = 'Pacific/Kiritimati'", account))
                .isEqualTo(1L);
    }

    @Test
    void aPluginThatCannotNameTheZoneLeavesTheTenantsToday() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).timeZone("Not/AZone").serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-no-zone", null);

        Map<String, Object> first = syncAndWait(tenant.buyer(), id);
        Map<String, Object> second = syncAndWait(tenant.buyer(), id);

        assertThat(first).containsEntry("status", "SUCCEEDED");
        assertThat(second).containsEntry("status", "SUCCEEDED").containsEntry("to", WireAccount.today().toString());
    }

    @Test
    void sendsTheConnectionsTokenAndTheWindowAndRunsPluginCodeOffTheEventLoop() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-seen", null);

        syncAndWait(tenant.buyer(), id);

        RecordedRequest insights = platform.requests("GET", "/v1/" + account + "/insights").get(0);
        assertThat(insights.header("Authorization")).contains("Bearer token-seen");
        assertThat(insights.query()).containsEntry("from", WireAccount.today().minusDays(27).toString())
                .containsEntry("to", WireAccount.today().toString());
        assertThat(platform.requests("GET", "/v1/" + account + "/campaigns").get(0).header("X-Thread").orElseThrow())
                .startsWith("connector-calls");
    }

    @Test
    void countsWhatThePluginReportsThroughMicrometerTaggedWithThePlatform() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-metrics", null);
        double before = requestCount();

        syncAndWait(tenant.buyer(), id);

        // campaigns, insights, emq, freshness, time zone: the plugin counts each request it sends
        assertThat(requestCount() - before).isEqualTo(5.0);
    }

    private double requestCount() {
        var counter = meters.find("stratum.connector.wire.requests").tag("platform", "META").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void resyncingTheSameDaysReplacesThemAndNeverDoubleCounts() throws SQLException {
        String campaignId = "c-" + account;
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).daily(campaignId, 5, 10_000_000, 1, 20_000_000)
                .serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-resync", null);
        syncAndWait(tenant.buyer(), id);

        // a late conversion revises yesterday; the day before yesterday is no longer reported (no delivery)
        WireAccount.of(account).campaign(campaignId, "One renamed", "PAUSED", 2_000_000)
                .row(campaignId, WireAccount.today().minusDays(4), 10_000_000, 1, 20_000_000)
                .row(campaignId, WireAccount.today().minusDays(3), 10_000_000, 1, 20_000_000)
                .row(campaignId, WireAccount.today().minusDays(1), 10_000_000, 3, 60_000_000)
                .row(campaignId, WireAccount.today(), 10_000_000, 1, 20_000_000)
                .serveOn(platform);
        Map<String, Object> again = syncAndWait(tenant.buyer(), id);

        assertThat(again).containsEntry("status", "SUCCEEDED");
        assertThat(sum("SELECT count(*) FROM campaign_daily_performance WHERE campaign_id = ?", campaignId)).isEqualTo(4);
        assertThat(sum("SELECT sum(spend_micros) FROM campaign_daily_performance WHERE campaign_id = ?", campaignId)).isEqualTo(40_000_000L);
        assertThat(sum("SELECT sum(conversions)::bigint FROM campaign_daily_performance WHERE campaign_id = ?", campaignId)).isEqualTo(6);
        assertThat(campaign(campaignId)).containsEntry("name", "One renamed").containsEntry("status", "PAUSED")
                .containsEntry("budget_micros", 2_000_000L);
    }

    @Test
    void aSyncOfOlderDaysLeavesOtherDaysAlone() throws SQLException {
        String campaignId = "c-" + account;
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).daily(campaignId, 3, 10_000_000, 1, 0)
                .serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-older", null);
        syncAndWait(tenant.buyer(), id);
        LocalDate old = WireAccount.today().minusDays(60);
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).row(campaignId, old, 7_000_000, 0, 0).serveOn(platform);

        Map<String, Object> run = tenant.buyer().execute("mutation($id: ID!, $f: Date, $t: Date) { syncConnection(id: $id, from: $f, to: $t) "
                + "{ id from to } }", Map.of("id", id, "f", old.toString(), "t", old.plusDays(6).toString())).assertNoErrors()
                .data("syncConnection");
        assertThat(awaitRun(tenant.buyer(), (String) run.get("id"))).containsEntry("status", "SUCCEEDED");

        assertThat(sum("SELECT count(*) FROM campaign_daily_performance WHERE campaign_id = ?", campaignId)).isEqualTo(4);
    }

    @Test
    void followsEveryPageToTheLast() throws SQLException {
        String campaignId = "c-" + account;
        String path = "/v1/" + account + "/insights";
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", path).withoutQuery("cursor").respond(WireResponse.of(200, "next=p2\n" + line(campaignId, 0)));
        platform.on("GET", path).withQuery("cursor", "p2").respond(WireResponse.of(200, "next=p3\n" + line(campaignId, 1)));
        platform.on("GET", path).withQuery("cursor", "p3").respond(WireResponse.of(200, "next=\n" + line(campaignId, 2)));
        platform.on("GET", "/v1/" + account + "/campaigns").withoutQuery("cursor").respond(WireResponse.of(200,
                "next=more\n" + campaignId + "|One|ACTIVE|SALES|DAILY|1000000|USD"));
        platform.on("GET", "/v1/" + account + "/campaigns").withQuery("cursor", "more").respond(WireResponse.of(200,
                "next=\nc9-" + account + "|Nine|ACTIVE|SALES|||"));
        String id = connect(tenant.buyer(), account, "token-pages", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 5);
        assertThat(platform.requests("GET", path)).hasSize(3);
        assertThat(sum("SELECT count(*) FROM campaign_daily_performance WHERE campaign_id = ?", campaignId)).isEqualTo(3);
        assertThat(campaign("c9-" + account)).containsEntry("name", "Nine");
    }

    @Test
    void aSyncOfManyPagesStagesThemInChunksAndWritesEveryRowOnce() throws SQLException {
        WireAccount wire = manyCampaigns(200, 2_000_000);
        int pages = wire.serveInPages(platform, 400);
        String id = connect(tenant.buyer(), account, "token-large", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(pages).isEqualTo(14);
        assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 200 + 200 * 28);
        assertThat(platform.requests("GET", wire.path("insights"))).hasSize(14);
        assertThat(sum("SELECT count(*) FROM campaign_daily_performance WHERE campaign_id LIKE ?", "%-" + account))
                .isEqualTo(200 * 28);
        assertThat(sum("SELECT count(DISTINCT (campaign_id, date)) FROM campaign_daily_performance WHERE campaign_id LIKE ?",
                "%-" + account)).isEqualTo(200 * 28);
        assertThat(sum("SELECT sum(spend_micros) FROM campaign_daily_performance WHERE campaign_id LIKE ?", "%-" + account))
                .isEqualTo(200 * 28 * 2_000_000L);
        assertThat(stagedRows((String) run.get("id"))).isZero();
    }

    @Test
    void aFailureAfterRowsWereStagedLeavesTheEarlierDataIntactAndTheStagingEmpty() throws SQLException {
        manyCampaigns(200, 2_000_000).serveInPages(platform, 400);
        String id = connect(tenant.buyer(), account, "token-midstream", null);
        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "SUCCEEDED");
        WireAccount changed = manyCampaigns(200, 5_000_000);
        int pages = changed.serveInPages(platform, 400);
        // 13 good pages (5,200 rows: past the first flush to staging), then one the plugin cannot read
        platform.on("GET", changed.path("insights")).withQuery("cursor", "p" + pages)
                .respond(WireResponse.of(200, "next=\nonly|three|fields"));

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED").containsEntry("rowsWritten", 0);
        assertThat((String) run.get("error")).contains("reading daily performance (page 14)");
        assertThat(sum("SELECT count(*) FROM campaign_daily_performance WHERE campaign_id LIKE ?", "%-" + account))
                .isEqualTo(200 * 28);
        assertThat(sum("SELECT sum(spend_micros) FROM campaign_daily_performance WHERE campaign_id LIKE ?", "%-" + account))
                .isEqualTo(200 * 28 * 2_000_000L);
        assertThat(stagedRows((String) run.get("id"))).isZero();
    }

    @Test
    void aCursorThatComesBackFailsInsteadOfPagingForever() throws SQLException {
        String campaignId = "c-" + account;
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/insights").respond(WireResponse.of(200, "next=same\n"));
        String id = connect(tenant.buyer(), account, "token-loop", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("error")).contains("pages never end");
        assertThat(sum("SELECT count(*) FROM campaigns WHERE account_id = ?", account)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "malformed row          ; 200 ; next=\\nonly|three|fields                   ; MALFORMED",
            "platform rejection     ; 400 ; (#100) Invalid parameter                     ; REJECTED",
            "plugin crash           ; 200 ; crash                                        ; PLUGIN",
            "plugin never answers   ; 200 ; hang                                         ; TIMEOUT",
            "server errors          ; 503 ; upstream unavailable                         ; TRANSIENT",
            "unknown campaign       ; 200 ; next=\\nzz|TODAY|1|1|1|1|1|USD             ; UNLISTED",
            "row outside the window ; 200 ; next=\\nc-ACCOUNT|2001-01-01|1|1|1|1|1|USD      ; WINDOW"})
    void aFailedReadWritesNothingAndSaysWhy(String description, int status, String body, String kind) throws SQLException {
        String campaignId = "c-" + account;
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).daily(campaignId, 3, 10_000_000, 1, 0).serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-fail", null);
        syncAndWait(tenant.buyer(), id);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(200,
                "next=\n" + campaignId + "|Changed|PAUSED|SALES|DAILY|9|USD"));
        platform.on("GET", "/v1/" + account + "/insights").respond(WireResponse.of(status,
                body.replace("\\n", "\n").replace("ACCOUNT", account).replace("TODAY", WireAccount.today().toString())));

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED").containsEntry("rowsWritten", 0);
        String error = (String) run.get("error");
        switch (kind) {
            case "MALFORMED" -> assertThat(error).contains("META answered with a response the plugin could not read while reading daily "
                    + "performance").contains("expected 8 fields");
            case "REJECTED" -> assertThat(error).contains("META rejected the request while reading daily performance (code 400): "
                    + "(#100) Invalid parameter");
            case "PLUGIN" -> assertThat(error).contains("The wire-meta plugin failed while reading daily performance "
                    + "(IllegalStateException: the test plugin crashed on purpose)");
            case "TIMEOUT" -> assertThat(error).contains("did not finish reading daily performance within PT3S");
            case "TRANSIENT" -> assertThat(error).contains("META could not be reached while reading daily performance");
            case "UNLISTED" -> assertThat(error).contains("campaign zz, which its campaign list does not have");
            case "WINDOW" -> assertThat(error).contains("performance of 2001-01-01");
            default -> throw new IllegalArgumentException(kind);
        }
        // the first sync's data stands, untouched: nothing partial from the failed one
        assertThat(campaign(campaignId)).containsEntry("name", "One").containsEntry("budget_micros", 1_000_000L);
        assertThat(sum("SELECT count(*) FROM campaign_daily_performance WHERE campaign_id = ?", campaignId)).isEqualTo(3);
        assertThat(connection(tenant.viewer(), id)).containsEntry("lastSyncStatus", "FAILED").containsEntry("lastError", error)
                .containsEntry("status", "ACTIVE");
        // the server is fine: the next sync works
        WireAccount.of(account).campaign(campaignId, "One", "ACTIVE", 1_000_000).serveOn(platform);
        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void anExpiredTokenIsRefreshedOnceStoredAndTheCallRetried() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        String campaigns = "/v1/" + account + "/campaigns";
        platform.once("GET", campaigns).when(request -> request.header("Authorization").equals(java.util.Optional.of("Bearer old-access")))
                .respond(WireResponse.of(401, "expired: Session has expired on Tuesday"));
        platform.on("POST", "/oauth/token").respond(WireResponse.of(200, "access_token=new-access\nexpires_at=2031-01-01T00:00:00Z\n"));
        String id = connect(tenant.buyer(), account, "old-access", "the-refresh-token");

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "SUCCEEDED");
        List<RecordedRequest> refreshes = platform.requests("POST", "/oauth/token");
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0).formFields()).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "the-refresh-token").containsEntry("client_id", CLIENT_ID);
        assertThat(platform.requests("GET", campaigns)).extracting(request -> request.header("Authorization").orElseThrow())
                .containsExactly("Bearer old-access", "Bearer new-access");
        assertThat(platform.requests("GET", "/v1/" + account + "/insights").get(0).header("Authorization")).contains("Bearer new-access");
        Credentials stored = credentials.load(new TenantId(UUID.fromString(tenant.id())), UUID.fromString(id)).block();
        assertThat(stored.values()).containsEntry(Credentials.ACCESS_TOKEN, "new-access")
                .containsEntry(Credentials.REFRESH_TOKEN, "the-refresh-token")
                .containsEntry(Credentials.EXPIRES_AT, "2031-01-01T00:00:00Z")
                .doesNotContainKeys(Credentials.CLIENT_ID, Credentials.CLIENT_SECRET);
    }

    @Test
    void aTokenStillExpiredAfterTheRefreshFailsTheRunWithoutLooping() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(401, "expired: still"));
        platform.on("POST", "/oauth/token").respond(WireResponse.of(200, "access_token=newer-access\n"));
        String id = connect(tenant.buyer(), account, "old-access-2", "refresh-2");

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("error")).contains("still calls the access token expired after a refresh");
        assertThat(platform.requests("POST", "/oauth/token")).hasSize(1);
        assertThat(platform.requests("GET", "/v1/" + account + "/campaigns")).hasSize(2);
    }

    @Test
    void revokedCredentialsMarkTheConnectionNeedsReauthWithThePlatformsMessage() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(401,
                "Error validating access token: The user has not authorized application 123"));
        String id = connect(tenant.buyer(), account, "revoked-token", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("error")).contains("reconnect the account");
        assertThat(connection(tenant.viewer(), id)).containsEntry("status", "NEEDS_REAUTH")
                .containsEntry("lastError", "Error validating access token: The user has not authorized application 123");
        GraphQLClient.Result refused = tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id));
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.errorMessage()).contains("needs to be reconnected");
        // reconnecting clears it
        connect(tenant.buyer(), account, "fresh-token", null);
        assertThat(connection(tenant.viewer(), id)).containsEntry("status", "ACTIVE").containsEntry("lastError", null);
    }

    @Test
    void aRefreshThePlatformRefusesMarksTheConnectionNeedsReauth() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(401, "expired: token expired"));
        platform.on("POST", "/oauth/token").respond(WireResponse.of(400, "invalid_grant: refresh token revoked"));
        String id = connect(tenant.buyer(), account, "expired-token", "revoked-refresh");

        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "FAILED");

        assertThat(connection(tenant.viewer(), id)).containsEntry("status", "NEEDS_REAUTH")
                .containsEntry("lastError", "invalid_grant: refresh token revoked");
    }

    @Test
    void anExpiredTokenWithoutARefreshTokenNeedsAPerson() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(401, "expired: token expired"));
        String id = connect(tenant.buyer(), account, "expired-no-refresh", null);

        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "FAILED");

        assertThat(connection(tenant.viewer(), id)).containsEntry("status", "NEEDS_REAUTH").containsEntry("lastError", "no refresh token");
        assertThat(platform.requests("POST", "/oauth/token")).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutAndTheCallRetried() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.once("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(200, "rate_limited:300"));
        String id = connect(tenant.buyer(), account, "token-limited", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "SUCCEEDED");
        List<RecordedRequest> calls = platform.requests("GET", "/v1/" + account + "/campaigns");
        assertThat(calls).hasSize(2);
    }

    @Test
    void aRateLimitLongerThanTheCapFailsTheRunAtOnce() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(200, "rate_limited:3600000"));
        String id = connect(tenant.buyer(), account, "token-long-limit", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("error")).contains("asks to wait PT1H, longer than the PT2S this server waits");
        assertThat(platform.requests("GET", "/v1/" + account + "/campaigns")).hasSize(1);
    }

    @Test
    void aRateLimitThatDoesNotLiftFailsAfterTheBoundedRetries() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(200, "rate_limited:50"));
        String id = connect(tenant.buyer(), account, "token-still-limited", null);

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat((String) run.get("error")).contains("still rate-limited reading campaigns after 2 waits");
        assertThat(platform.requests("GET", "/v1/" + account + "/campaigns")).hasSize(3);
    }

    @Test
    void credentialsMovedFromAnotherConnectionDoNotOpenAndMarkTheConnectionError() throws SQLException {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        String donor = connect(tenant.buyer(), account + "_donor", "donor-token", null);
        String id = connect(tenant.buyer(), account, "own-token", null);
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement copy = owner.prepareStatement(
                "UPDATE connections SET (credentials, credentials_nonce) = (SELECT credentials, credentials_nonce FROM connections "
                        + "WHERE id = ?) WHERE id = ?")) {
            copy.setObject(1, UUID.fromString(donor));
            copy.setObject(2, UUID.fromString(id));
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }

        Map<String, Object> run = syncAndWait(tenant.buyer(), id);

        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("error")).contains("belong to another connection");
        assertThat(connection(tenant.viewer(), id)).containsEntry("status", "ERROR");
        assertThat(platform.requests()).isEmpty();
        connect(tenant.buyer(), account, "own-token-again", null);
        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "SUCCEEDED");
        assertThat(platform.requests("GET", "/v1/" + account + "/campaigns").get(0).header("Authorization"))
                .contains("Bearer own-token-again");
    }

    @Test
    void signalHealthMovesWithTheSyncedData() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).daily("c-" + account, 10, 10_000_000, 2, 30_000_000)
                .serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-health", null);
        syncAndWait(tenant.buyer(), id);
        double healthy = score(tenant.viewer(), account);

        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).daily("c-" + account, 10, 10_000_000, 2, 30_000_000)
                .emq("px-1|Purchase|2.0\n").freshness(java.time.Instant.now().minus(Duration.ofDays(3)).toString()).serveOn(platform);
        syncAndWait(tenant.buyer(), id);

        double degraded = score(tenant.viewer(), account);
        assertThat(degraded).isLessThan(healthy).isLessThan(50.0);
        Map<String, Object> health = tenant.viewer().execute(HEALTH, Map.of("a", account)).assertNoErrors().data("signalHealth");
        assertThat((List<String>) health.get("issues")).anySatisfy(issue -> assertThat(issue).contains("EMQ averages 2.0"));
        List<Map<String, Object>> days = tenant.viewer().execute("query($f: Date!, $t: Date!) { signalHealthHistory(from: $f, to: $t, "
                + "platform: META) { date overallScore } }", Map.of("f", WireAccount.today().minusDays(1).toString(),
                "t", WireAccount.today().plusDays(1).toString())).assertNoErrors().data("signalHealthHistory");
        assertThat(days).isNotEmpty();
    }

    @Test
    void oneSyncOfAConnectionAtATime() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        platform.on("GET", "/v1/" + account + "/campaigns").respond(WireResponse.of(200, "next=\n").delayedBy(Duration.ofMillis(1500)));
        String id = connect(tenant.buyer(), account, "token-busy", null);

        String first = tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id)).assertNoErrors()
                .data("syncConnection.id");
        GraphQLClient.Result second = tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id));

        assertThat(second.errorCode()).isEqualTo("CONFLICT");
        assertThat(second.errorMessage()).contains("already running (run " + first);
        assertThat((String) connection(tenant.viewer(), id).get("lastSyncStatus")).isEqualTo("RUNNING");
        assertThat(awaitRun(tenant.buyer(), first)).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void aRunAbandonedByAStoppedServerDoesNotBlockTheNextOne() throws SQLException {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-abandoned", null);
        String abandoned = UUID.randomUUID().toString();
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement insert = owner.prepareStatement(
                "INSERT INTO sync_runs (tenant_id, id, connection_id, status, range_from, range_to, started_at) "
                        + "VALUES (?, ?, ?, 'RUNNING', current_date, current_date, now() - interval '2 hours')")) {
            insert.setObject(1, UUID.fromString(tenant.id()));
            insert.setObject(2, UUID.fromString(abandoned));
            insert.setObject(3, UUID.fromString(id));
            insert.executeUpdate();
        }

        assertThat(syncAndWait(tenant.buyer(), id)).containsEntry("status", "SUCCEEDED");
        assertThat(awaitRun(tenant.buyer(), abandoned)).containsEntry("status", "FAILED");
        assertThat((String) awaitRun(tenant.buyer(), abandoned).get("error")).contains("Interrupted");
    }

    @Test
    void aConnectionDisconnectedDuringItsSyncGetsNothingWritten() throws SQLException {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).daily("c-" + account, 3, 1_000_000, 1, 0)
                .serveOn(platform);
        platform.on("GET", "/v1/" + account + "/freshness").respond(WireResponse.of(200, "none").delayedBy(Duration.ofMillis(1500)));
        String id = connect(tenant.buyer(), account, "token-leaving", null);

        String run = tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", id)).assertNoErrors()
                .data("syncConnection.id");
        assertThat((Boolean) tenant.buyer().execute("mutation($id: ID!) { disconnect(id: $id) }", Map.of("id", id)).assertNoErrors()
                .data("disconnect")).isTrue();
        sleep(Duration.ofMillis(2500));

        assertThat((Object) tenant.buyer().execute("query($id: ID!) { syncRun(id: $id) { id } }", Map.of("id", run)).assertNoErrors()
                .data("syncRun")).isNull();
        assertThat(sum("SELECT count(*) FROM campaigns WHERE account_id = ?", account)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from after to     | from: \"2026-03-10\", to: \"2026-03-09\" | from",
            "over 400 days     | from: \"2024-01-01\", to: \"2026-01-01\" | from",
            "to in the future  | to: \"2999-01-01\"                       | to"})
    void refusesAnImpossibleWindow(String description, String arguments, String field) {
        String id = connect(tenant.buyer(), account, "token-window", null);

        GraphQLClient.Result refused = tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id, " + arguments + ") { id } }",
                Map.of("id", id));

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) refused.errors().get(0).get("extensions")).get("field")).isEqualTo(field);
        assertThat(connection(tenant.viewer(), id).get("lastSyncStatus")).isNull();
    }

    @Test
    void refusesUnknownConnectionsAndPlatformsWithoutACollector() {
        assertThat(tenant.buyer().execute("mutation { syncConnection(id: \"" + UUID.randomUUID() + "\") { id } }").errorCode())
                .isEqualTo("NOT_FOUND");
        String google = tenant.buyer().execute("mutation { connectAccount(input: { platform: GOOGLE, accountId: \"123\", "
                + "accessToken: \"g-token\" }) { id } }").assertNoErrors().data("connectAccount.id");

        GraphQLClient.Result refused = tenant.buyer().execute("mutation($id: ID!) { syncConnection(id: $id) { id } }", Map.of("id", google));

        assertThat(refused.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(refused.errorMessage()).contains("No installed plugin reads GOOGLE accounts (no SignalCollector)");
    }

    @Test
    void anotherTenantCannotReadARun() {
        WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).serveOn(platform);
        String id = connect(tenant.buyer(), account, "token-private", null);
        String run = (String) syncAndWait(tenant.buyer(), id).get("id");

        assertThat((Object) aTenant().viewer().execute("query($id: ID!) { syncRun(id: $id) { id } }", Map.of("id", run)).assertNoErrors()
                .data("syncRun")).isNull();
    }

    /** {@code campaigns} campaigns of the test's account, each with the same spend on each of the 28 days of the lookback. */
    private WireAccount manyCampaigns(int campaigns, long spendMicros) {
        WireAccount wire = WireAccount.of(account);
        for (int i = 0; i < campaigns; i++) {
            String campaignId = "c" + i + "-" + account;
            wire.campaign(campaignId, "Campaign " + i, "ACTIVE", 1_000_000).daily(campaignId, 28, spendMicros, 1, 0);
        }
        return wire;
    }

    private static long stagedRows(String runId) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement select = owner.prepareStatement(
                "SELECT count(*) FROM sync_staged_performance WHERE run_id = ?::uuid")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String line(String campaignId, int daysBack) {
        return campaignId + "|" + WireAccount.today().minusDays(daysBack) + "|1000000|10|1|1|0|USD";
    }

    private static double score(GraphQLClient client, String account) {
        return ((Number) client.execute(HEALTH, Map.of("a", account)).assertNoErrors().data("signalHealth.overallScore")).doubleValue();
    }

    private static long sum(String sql, String parameter) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement select = owner.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Map<String, Object> campaign(String campaignId) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement select = owner.prepareStatement(
                "SELECT account_id, name, status, budget_micros, budget_period, currency FROM campaigns WHERE campaign_id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("campaign " + campaignId + " stored").isTrue();
                Map<String, Object> values = new java.util.HashMap<>();
                for (String column : new ArrayList<>(List.of("account_id", "name", "status", "budget_micros", "budget_period", "currency"))) {
                    values.put(column, row.getObject(column));
                }
                return values;
            }
        }
    }
}
