package ai.stratum.server.connectors;

import ai.stratum.server.ml.cache.MlCacheGeneration;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sync's new data sets off beyond the sync: the tenant's cached ML results go stale, and its
 * campaigns are scanned for anomalies, which then appear in {@code anomalies}.
 */
@MicronautTest(transactional = false)
class SyncAnnouncesNewDataTest extends ConnectorsIntegrationTest {

    @Inject
    MlCacheGeneration generations;

    @Test
    void invalidatesCachedResultsAndScansTheSyncedDaysForAnomalies() {
        TestTenant tenant = aTenant();
        String account = "act_" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = "c-" + account;
        LocalDate today = WireAccount.today();
        WireAccount wire = WireAccount.of(account).campaign(campaign, "Steady", "ACTIVE", 100_000_000);
        SplittableRandom random = new SplittableRandom(5);
        for (int back = 27; back >= 1; back--) {
            // spend near 100 a day; three days ago it ran away to 500
            long spend = back == 3 ? 500_000_000 : Math.round((100 + 5 * random.nextGaussian()) * 1e6);
            wire.row(campaign, today.minusDays(back), spend, 10, 300_000_000);
        }
        wire.serveOn(platform);
        TenantId tenantId = new TenantId(UUID.fromString(tenant.id()));
        String before = generations.data(tenantId).block(Duration.ofSeconds(5));

        Map<String, Object> run = syncAndWait(tenant.buyer(), connect(tenant.buyer(), account, "token-ml", null));

        assertThat(run).containsEntry("status", "SUCCEEDED");
        assertThat(generations.data(tenantId).block(Duration.ofSeconds(5))).isNotEqualTo(before);
        List<Map<String, Object>> anomalies = awaitAnomalies(tenant, today);
        assertThat(anomalies).anySatisfy(anomaly -> assertThat(anomaly).containsEntry("campaignId", campaign)
                .containsEntry("date", today.minusDays(3).toString()).containsEntry("metric", "SPEND").containsEntry("method", "Z_SCORE"));
    }

    /** The scan runs after the sync has answered: wait for its findings, bounded. */
    private List<Map<String, Object>> awaitAnomalies(TestTenant tenant, LocalDate today) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            List<Map<String, Object>> found = tenant.viewer().execute("query($f: Date!, $t: Date!) { anomalies(from: $f, to: $t) { "
                            + "campaignId date metric method } }", Map.of("f", today.minusDays(14).toString(), "t", today.toString()))
                    .assertNoErrors().data("anomalies");
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            sleep(Duration.ofMillis(100));
        }
    }
}
