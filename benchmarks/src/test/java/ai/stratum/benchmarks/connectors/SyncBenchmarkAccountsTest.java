package ai.stratum.benchmarks.connectors;

import ai.stratum.benchmarks.connectors.SyncBenchmarkAccounts.BenchmarkAccount;
import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.SandboxPlatforms;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyncBenchmarkAccountsTest {

    @Test
    void everyPlatformHasAnAccountWhoseCampaignsAllRunThroughTheLongestRange() {
        List<BenchmarkAccount> accounts = SyncBenchmarkAccounts.of(500, 365);
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(365);
        try (Sandbox sandbox = SandboxPlatforms.everyPlatform().build()) {
            SyncBenchmarkAccounts.install(sandbox, accounts);

            assertThat(accounts).extracting(BenchmarkAccount::platform).containsExactlyInAnyOrder(Platform.values());
            for (BenchmarkAccount account : accounts) {
                List<SimulatedCampaign> campaigns = sandbox.state(account.platform()).account(account.spec().accountId())
                        .orElseThrow().campaigns();
                assertThat(campaigns).hasSize(500);
                assertThat(campaigns).allSatisfy(campaign -> assertThat(campaign.profile().startDate()).isBeforeOrEqualTo(firstDay));
            }
        }
    }
}
