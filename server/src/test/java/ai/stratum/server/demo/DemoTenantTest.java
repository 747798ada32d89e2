package ai.stratum.server.demo;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.DemoAccounts;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-configuration demo: a tenant connected to the in-process sandbox, synced, with the autopilot's first run. */
@MicronautTest
class DemoTenantTest extends IntegrationTest {

    private DemoSandbox sandbox;

    @Value("${stratum.home}")
    String home;

    @Override
    protected Map<String, String> extraProperties() {
        sandbox = DemoSandbox.start(Map.of("STRATUM_DEMO", "on")).orElseThrow();
        Map<String, String> properties = new HashMap<>();
        sandbox.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aNewcomerSeesCampaignsHealthAndTheAutopilotsActionsAndAnEmergencyStopPausesEverything() throws Exception {
        GraphQLClient demo = awaitDemoAdmin();

        List<Map<String, Object>> connections = awaitSynced(demo);

        assertThat(connections).hasSize(4).allSatisfy(connection -> {
            assertThat(connection.get("status")).isEqualTo("ACTIVE");
            assertThat(connection.get("lastSyncStatus")).isEqualTo("SUCCEEDED");
        });
        assertThat(demo.execute("{ campaigns(first: 1) { totalCount } }").assertNoErrors()
                .<Number>data("campaigns.totalCount").intValue()).isEqualTo(96);
        assertThat(demo.execute("{ signalHealth { overallScore status } }").assertNoErrors()
                .<Number>data("signalHealth.overallScore").doubleValue()).isPositive();
        assertThat(awaitAutopilotEntries(demo)).isPositive();

        demo.execute("mutation { emergencyStop(reason: \"demo drill\") { mode } }").assertNoErrors();

        assertThat(awaitEveryCampaignPaused()).as("campaigns still active on the platforms").isEmpty();
    }

    /** @return the campaigns the emergency stop has not paused on the simulated platforms within 30 s */
    private List<String> awaitEveryCampaignPaused() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<String> active = DemoAccounts.all().stream()
                    .flatMap(account -> sandbox.sandbox().state(account.platform()).account(account.spec().accountId())
                            .orElseThrow().campaigns().stream()
                            .filter(campaign -> campaign.status() == EntityStatus.ACTIVE)
                            .map(campaign -> account.platform() + " " + campaign.id()))
                    .toList();
            if (active.isEmpty() || Instant.now().isAfter(deadline)) {
                return active;
            }
            Thread.sleep(300);
        }
    }

    @Test
    void theDemoAdminCannotSeeOtherTenants() throws Exception {
        GraphQLClient demo = awaitDemoAdmin();

        assertThat(demo.execute("{ tenants { id } }").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(demo.execute("{ me { role tenant { name } } }").assertNoErrors().<String>data("me.role"))
                .isEqualTo("TENANT_ADMIN");
    }

    /**
     * The set-up runs in the background after start, so its admin exists a moment later. Watched
     * through the super admin rather than by trying to log in, which failed logins would throttle.
     */
    private GraphQLClient awaitDemoAdmin() throws IOException, InterruptedException {
        GraphQLClient admin = graphql().withToken(loginAsAdmin());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!demoAdminExists(admin)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the demo tenant's admin was not created within 30 s");
            }
            Thread.sleep(300);
        }
        return graphql().withToken(login(DemoTenant.EMAIL, password()));
    }

    private static boolean demoAdminExists(GraphQLClient admin) {
        List<Map<String, Object>> tenants = admin.execute("{ tenants { id name } }").assertNoErrors().data("tenants");
        return tenants.stream().filter(tenant -> DemoTenant.TENANT.equals(tenant.get("name"))).findFirst()
                .map(tenant -> admin.withHeader("X-Stratum-Tenant", (String) tenant.get("id"))
                        .execute("{ users(first: 10) { edges { node { email } } } }").assertNoErrors()
                        .<List<Map<String, Object>>>data("users.edges").stream()
                        .anyMatch(edge -> DemoTenant.EMAIL.equals(((Map<?, ?>) edge.get("node")).get("email"))))
                .orElse(false);
    }

    private String password() throws IOException {
        return Files.readString(Path.of(home, "secrets", "demo-admin-password")).strip();
    }

    private static List<Map<String, Object>> awaitSynced(GraphQLClient demo) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            List<Map<String, Object>> connections = demo.execute("{ connections { status lastSyncStatus } }")
                    .assertNoErrors().data("connections");
            boolean synced = connections.size() == 4
                    && connections.stream().allMatch(c -> "SUCCEEDED".equals(c.get("lastSyncStatus")));
            if (synced || Instant.now().isAfter(deadline)) {
                return connections;
            }
            Thread.sleep(500);
        }
    }

    private static int awaitAutopilotEntries(GraphQLClient demo) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            int entries = demo.execute("{ trustGateAuditLog(first: 1) { totalCount } }").assertNoErrors()
                    .<Number>data("trustGateAuditLog.totalCount").intValue();
            if (entries > 0 || Instant.now().isAfter(deadline)) {
                return entries;
            }
            Thread.sleep(500);
        }
    }
}
