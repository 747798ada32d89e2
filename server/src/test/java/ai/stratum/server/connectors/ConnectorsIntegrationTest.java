package ai.stratum.server.connectors;

import ai.stratum.connector.host.TransportPolicy;
import ai.stratum.plugin.testkit.WireServer;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server with the wire plugins loaded and their META base URLs pointed at this class's
 * {@link WireServer}, so every platform call crosses real HTTP. Waits and timeouts are shortened so
 * failure paths take seconds, not minutes.
 */
abstract class ConnectorsIntegrationTest extends IntegrationTest {

    static final String CLIENT_ID = "wire-client";
    static final String CLIENT_SECRET = "wire-client-secret-value";
    static final String PASSWORD = "a-long-enough-password";

    protected final WireServer platform = WireServer.start();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("stratum.plugins.dir", WirePlatformPlugin.pluginsDirectory().toString());
        properties.put("stratum.platforms.meta.base-url", platform.baseUrl().toString());
        properties.put("stratum.platforms.meta.oauth-base-url", platform.baseUrl().toString());
        properties.put("stratum.platforms.meta.authorize-base-url", platform.baseUrl().toString());
        properties.put("stratum.platforms.meta.client-id", CLIENT_ID);
        properties.put("stratum.platforms.meta.client-secret", CLIENT_SECRET);
        properties.put("stratum.connectors.max-rate-limit-wait", "2s");
        properties.put("stratum.connectors.rate-limit-retries", "2");
        properties.put("stratum.connectors.call-timeout", "3s");
        properties.put("stratum.test.fast-transport", "true");
        properties.putAll(moreProperties());
        return properties;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    /** A fresh tenant with one user per role. */
    protected TestTenant aTenant() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n }) { id } }",
                Map.of("n", unique("Connectors"))).assertNoErrors().data("createTenant.id");
        return new TestTenant(tenant, userIn(superAdmin, tenant, "TENANT_ADMIN"), userIn(superAdmin, tenant, "MEDIA_BUYER"),
                userIn(superAdmin, tenant, "DATA_ANALYST"), userIn(superAdmin, tenant, "VIEWER"));
    }

    protected GraphQLClient userIn(GraphQLClient superAdmin, String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }

    /** Connects an account with tokens; returns the connection's id. */
    protected String connect(GraphQLClient client, String accountId, String accessToken, String refreshToken) {
        Map<String, Object> input = new HashMap<>(Map.of("platform", "META", "accountId", accountId, "accessToken", accessToken));
        if (refreshToken != null) {
            input.put("refreshToken", refreshToken);
        }
        return client.execute("mutation($i: ConnectAccountInput!) { connectAccount(input: $i) { id } }", Map.of("i", input))
                .assertNoErrors().data("connectAccount.id");
    }

    /** Starts a sync and waits for it to finish; returns the finished run. */
    protected Map<String, Object> syncAndWait(GraphQLClient client, String connectionId) {
        GraphQLClient.Result started = client.execute("mutation($id: ID!) { syncConnection(id: $id) { id status } }",
                Map.of("id", connectionId)).assertNoErrors();
        assertThat((String) started.data("syncConnection.status")).isEqualTo("RUNNING");
        return awaitRun(client, started.data("syncConnection.id"));
    }

    protected Map<String, Object> awaitRun(GraphQLClient client, String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> run = client.execute("query($id: ID!) { syncRun(id: $id) { id connectionId status from to rowsWritten "
                    + "startedAt finishedAt error } }", Map.of("id", runId)).assertNoErrors().data("syncRun");
            if (run != null && !"RUNNING".equals(run.get("status"))) {
                return run;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("sync run " + runId + " did not finish within 30 s");
    }

    protected Map<String, Object> connection(GraphQLClient client, String connectionId) {
        java.util.List<Map<String, Object>> all = client.execute("{ connections { id platform accountId displayName status lastSyncAt "
                + "lastSyncStatus lastError } }").assertNoErrors().data("connections");
        return all.stream().filter(c -> connectionId.equals(c.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + connectionId));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A tenant's clients, one per role. */
    record TestTenant(String id, GraphQLClient admin, GraphQLClient buyer, GraphQLClient analyst, GraphQLClient viewer) {
    }

    /** The transport's production policy with millisecond backoffs, so 5xx and timeout paths are quick. */
    @Factory
    @Requires(property = "stratum.test.fast-transport", value = "true")
    static class FastTransport {

        @Singleton
        @Replaces(bean = TransportPolicy.class, factory = ConnectorsFactory.class)
        TransportPolicy fastTransportPolicy() {
            return TransportPolicy.defaults()
                    .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
                    .withMaxRetries(2)
                    .withRequestTimeout(Duration.ofSeconds(2))
                    .withMaxRetryAfter(Duration.ofSeconds(1))
                    .withRequestsPerSecond(10_000);
        }
    }
}
