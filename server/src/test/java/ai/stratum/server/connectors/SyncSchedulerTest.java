package ai.stratum.server.connectors;

import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.server.redis.CoordinationMode;
import ai.stratum.server.redis.RedisKeyspace;
import ai.stratum.server.redis.RedisTestRun;
import ai.stratum.server.redis.RedisTestServer;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule syncs every connection that is neither waiting for a person nor paused, once per
 * interval across instances: two servers sharing the database and a real Redis take turns, never
 * both.
 */
@MicronautTest(transactional = false)
class SyncSchedulerTest extends ConnectorsIntegrationTest {

    private static final RedisKeyspace KEYSPACE = RedisTestRun.newKeyspace();
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Inject
    SyncScheduler scheduler;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of(
                "stratum.sync.enabled", "true",
                // the test runs passes itself; the timer must not start one in between
                "stratum.sync.initial-delay", "1h",
                CoordinationMode.URL_PROPERTY, RedisTestServer.url(),
                RedisKeyspace.PREFIX_PROPERTY, KEYSPACE.prefix(),
                // both instances must open each other's credentials
                "stratum.secret-key", SECRET_KEY);
    }

    @Test
    void syncsEachActiveConnectionOnceAcrossInstancesAndSkipsThoseWaitingForAPerson() throws SQLException {
        TestTenant tenant = aTenant();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String active = "act_on_" + suffix;
        String reauth = "act_reauth_" + suffix;
        String paused = "act_paused_" + suffix;
        for (String account : List.of(active, reauth, paused)) {
            WireAccount.of(account).campaign("c-" + account, "One", "ACTIVE", 1_000_000).daily("c-" + account, 2, 1_000_000, 1, 0)
                    .serveOn(platform);
        }
        String activeId = connect(tenant.buyer(), active, "token-on", null);
        String reauthId = connect(tenant.buyer(), reauth, "token-reauth", null);
        String pausedId = connect(tenant.buyer(), paused, "token-paused", null);
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement update = owner.prepareStatement(
                "UPDATE connections SET status = 'NEEDS_REAUTH', last_error = 'revoked' WHERE id = ?")) {
            update.setObject(1, UUID.fromString(reauthId));
            update.executeUpdate();
        }
        tenant.buyer().execute("mutation($id: ID!) { pauseConnection(id: $id) { id } }", Map.of("id", pausedId)).assertNoErrors();

        scheduler.pass().block(Duration.ofMinutes(2));

        assertThat(connection(tenant.viewer(), activeId)).containsEntry("lastSyncStatus", "SUCCEEDED");
        assertThat(connection(tenant.viewer(), reauthId)).containsEntry("lastSyncStatus", null).containsEntry("status", "NEEDS_REAUTH");
        assertThat(connection(tenant.viewer(), pausedId)).containsEntry("lastSyncStatus", null).containsEntry("status", "PAUSED");
        assertThat(requestsFor(reauth)).isEmpty();
        assertThat(requestsFor(paused)).isEmpty();
        int afterFirst = requestsFor(active).size();
        // campaigns, insights, emq, freshness, time zone
        assertThat(afterFirst).isEqualTo(5);

        // the same interval window, on this instance and on a second one sharing the database and Redis
        scheduler.pass().block(Duration.ofMinutes(2));
        Map<String, Object> secondInstance = new HashMap<>(getProperties());
        secondInstance.remove("micronaut.server.port");
        try (ApplicationContext other = ApplicationContext.run(secondInstance)) {
            other.getBean(SyncScheduler.class).pass().block(Duration.ofMinutes(2));
        }

        assertThat(requestsFor(active)).hasSize(afterFirst);
        // and not because the second instance could not open the credentials: that would have marked the connection ERROR
        assertThat(connection(tenant.viewer(), activeId)).containsEntry("status", "ACTIVE").containsEntry("lastSyncStatus", "SUCCEEDED");
    }

    private List<RecordedRequest> requestsFor(String account) {
        return platform.requests().stream().filter(request -> request.path().startsWith("/v1/" + account + "/")).toList();
    }
}
