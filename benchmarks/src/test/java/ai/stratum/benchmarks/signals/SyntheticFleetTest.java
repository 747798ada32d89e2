package ai.stratum.benchmarks.signals;

import ai.stratum.server.signals.health.HealthStatus;
import ai.stratum.server.signals.health.SignalHealth;
import ai.stratum.server.signals.health.SignalHealthCalculator;
import ai.stratum.server.signals.health.SignalSnapshot;
import ai.stratum.server.signals.health.TrustSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recompute benchmark measures what it claims: a deterministic fleet whose data makes every health
 * component do real work, and benchmark methods that run on the benchmarks' own class path (the
 * server's classes without its framework dependencies).
 */
class SyntheticFleetTest {

    private static SyntheticFleet fleet;
    private static List<SignalHealth> healths;

    @BeforeAll
    static void computeTheBenchmarkFleet() {
        fleet = SyntheticFleet.generate(SignalHealthRecomputeBenchmark.SEED, 10_000, 30);
        SignalHealthCalculator calculator = new SignalHealthCalculator(TrustSettings.defaults());
        healths = fleet.tenants().stream()
                .flatMap(tenant -> tenant.accounts().stream())
                .map(snapshot -> calculator.calculate(snapshot, fleet.now()))
                .toList();
    }

    @Test
    void sameSeedGivesTheSameFleet() {
        assertThat(SyntheticFleet.generate(SignalHealthRecomputeBenchmark.SEED, 10_000, 30)).isEqualTo(fleet);
    }

    @Test
    void hasTheRequestedAccountsSpreadOverTenants() {
        assertThat(fleet.accountCount()).isEqualTo(10_000);
        assertThat(fleet.tenants()).hasSizeGreaterThan(100)
                .allSatisfy(tenant -> assertThat(tenant.accounts()).hasSizeBetween(1, 40));
    }

    @Test
    void establishedAccountsHaveAboutThirtyDaysOfHistory() {
        List<Integer> historySizes = snapshots().stream().map(snapshot -> snapshot.history().size()).toList();
        assertThat(historySizes).allSatisfy(size -> assertThat(size).isBetween(1, 30));
        assertThat(historySizes.stream().filter(size -> size >= 25).count()).isGreaterThan(9_000);
    }

    @Test
    void anomalyDetectionFindsSomeButNotMostAccountsAnomalous() {
        long anomalous = healths.stream().filter(health -> health.anomalyScore() <= 80).count();
        long tooNew = healths.stream().filter(health -> health.anomalyScore() == 90).count();
        assertThat(anomalous).isBetween(500L, 2_500L);
        assertThat(tooNew).isBetween(100L, 600L);
    }

    @Test
    void everyComponentAndStatusVaries() {
        Set<HealthStatus> statuses = EnumSet.noneOf(HealthStatus.class);
        healths.forEach(health -> statuses.add(health.status()));
        assertThat(statuses).containsExactlyInAnyOrder(HealthStatus.values());
        assertThat(healths).anyMatch(health -> health.emqScore() < 60)
                .anyMatch(health -> health.freshnessScore() > 0 && health.freshnessScore() < 100)
                .anyMatch(health -> health.freshnessScore() == 0)
                .anyMatch(health -> health.varianceScore() > 70 && health.varianceScore() < 100)
                .anyMatch(health -> health.varianceScore() < 70)
                .anyMatch(health -> health.cdpEmqScore().isPresent());
        long healthy = healths.stream().filter(health -> health.status() == HealthStatus.HEALTHY).count();
        assertThat(healthy).as("most accounts of a real fleet are healthy").isGreaterThan(5_000L);
    }

    @Test
    void benchmarkMethodsRun() {
        SignalHealthRecomputeBenchmark benchmark = new SignalHealthRecomputeBenchmark();
        benchmark.accounts = 500;
        benchmark.historyDays = 30;
        benchmark.setUp();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        benchmark.recomputeWithRollUps(blackhole);
        benchmark.calculateAccounts(blackhole);
        blackhole.evaporate(
                "Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    private static List<SignalSnapshot> snapshots() {
        return fleet.tenants().stream().flatMap(tenant -> tenant.accounts().stream()).toList();
    }
}
