package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.Signals;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ML result cache as a client sees it through {@code simulateBudget}: the same answer while it is
 * fresh, a new one once its lifetime (shortened to two seconds here) has passed, and a new one as soon
 * as the tenant's data changes.
 */
@MicronautTest(transactional = false)
class MlResultCachingTest extends IntegrationTest {

    private final SandboxAccount sandbox = new SandboxAccount(73, 4, true);
    private GraphQLClient viewer;
    private GraphQLClient analyst;
    private GraphQLClient otherTenantAnalyst;
    private String campaign;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.ml.cache.roas-ttl", "2s");
    }

    @BeforeAll
    void tenantWithACampaign() {
        GraphQLClient superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = MlFixtures.tenant(superAdmin, unique("Caching"));
        viewer = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "VIEWER"), MlFixtures.PASSWORD));
        analyst = graphql().withToken(login(MlFixtures.user(superAdmin, tenant, "DATA_ANALYST"), MlFixtures.PASSWORD));
        String other = MlFixtures.tenant(superAdmin, unique("Caching other"));
        otherTenantAnalyst = graphql().withToken(login(MlFixtures.user(superAdmin, other, "DATA_ANALYST"), MlFixtures.PASSWORD));
        SimulatedCampaign simulated = SimulateBudgetTest.biggest(sandbox);
        campaign = "cache-" + simulated.id();
        MlFixtures.days(tenant, "META", campaign, "USD", MlFixtures.sandboxDays(sandbox, simulated, MlFixtures.today().minusDays(1), 120));
    }

    @Test
    void servesTheCachedResultUntilItsLifetimeHasPassed() throws InterruptedException {
        String first = computedAt(21);
        assertThat(computedAt(21)).isEqualTo(first);

        Thread.sleep(Duration.ofMillis(2500).toMillis());

        assertThat(computedAt(21)).isNotEqualTo(first);
    }

    @Test
    void recomputesOnceTheTenantsDataChangedAndOnlyThatTenants() {
        GraphQLClient.Result before = simulate(22);
        otherTenantAnalyst.execute("mutation($i: SignalsInput!) { ingestSignals(input: $i) { overallScore } }",
                Map.of("i", Signals.healthy("META", "act_other", 100))).assertNoErrors();
        assertThat(simulate(22).body()).isEqualTo(before.body());

        analyst.execute("mutation($i: SignalsInput!) { ingestSignals(input: $i) { overallScore } }",
                Map.of("i", Signals.healthy("META", "act_1", 100))).assertNoErrors();
        GraphQLClient.Result after = simulate(22);

        assertThat(after.<String>data("simulateBudget.computedAt")).isNotEqualTo(before.data("simulateBudget.computedAt"));
        // the same data and seed: the recomputed simulation is the same simulation
        assertThat(after.<Object>data("simulateBudget.scenarios")).isEqualTo(before.data("simulateBudget.scenarios"));
    }

    private String computedAt(int seed) {
        return simulate(seed).data("simulateBudget.computedAt");
    }

    private GraphQLClient.Result simulate(int seed) {
        Map<String, Object> input = SimulateBudgetTest.input(campaign);
        input.put("seed", seed);
        return viewer.execute(SimulateBudgetTest.QUERY, Map.of("in", input)).assertNoErrors();
    }
}
