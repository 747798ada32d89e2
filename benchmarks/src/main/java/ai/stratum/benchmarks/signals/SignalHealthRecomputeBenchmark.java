package ai.stratum.benchmarks.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.DailyMetrics;
import ai.stratum.server.signals.health.HealthAggregator;
import ai.stratum.server.signals.health.SignalHealth;
import ai.stratum.server.signals.health.SignalHealthCalculator;
import ai.stratum.server.signals.health.SignalSnapshot;
import ai.stratum.server.signals.health.TrustSettings;
import ai.stratum.server.signals.health.WeightedHealth;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A full signal-health recompute: every account of every tenant through
 * {@link SignalHealthCalculator#calculate}, then {@link HealthAggregator#aggregate} per platform of each
 * tenant and per tenant, spend-weighted by today's spend as the server does. Goal: 10,000 accounts with
 * 30 days of history each in under 1 s, on one thread.
 *
 * <p>The fleet ({@link SyntheticFleet}) is generated once per trial from a fixed seed, outside the
 * measured methods. Every account's health and every roll-up goes to the {@link Blackhole}, as a real
 * recompute hands each one on to storage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class SignalHealthRecomputeBenchmark {

    static final long SEED = 20_260_301L;

    /** Accounts in the fleet, over tenants of 1-40 accounts. */
    @Param("10000")
    int accounts;

    /** Days of history before today per account (a few new accounts have fewer). */
    @Param("30")
    int historyDays;

    TrustSettings settings;
    SignalHealthCalculator calculator;
    SyntheticFleet fleet;
    Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        settings = TrustSettings.defaults();
        calculator = new SignalHealthCalculator(settings);
        fleet = SyntheticFleet.generate(SEED, accounts, historyDays);
        now = fleet.now();
    }

    /** The whole recompute: accounts, then the roll-ups per platform and per tenant. */
    @Benchmark
    public void recomputeWithRollUps(Blackhole blackhole) {
        for (SyntheticFleet.Tenant tenant : fleet.tenants()) {
            List<WeightedHealth> all = new ArrayList<>(tenant.accounts().size());
            Map<Platform, List<WeightedHealth>> byPlatform = new EnumMap<>(Platform.class);
            for (SignalSnapshot snapshot : tenant.accounts()) {
                SignalHealth health = calculator.calculate(snapshot, now);
                blackhole.consume(health);
                WeightedHealth weighted = new WeightedHealth(health, todaysSpend(snapshot));
                all.add(weighted);
                byPlatform.computeIfAbsent(snapshot.platform(), platform -> new ArrayList<>()).add(weighted);
            }
            for (Map.Entry<Platform, List<WeightedHealth>> platform : byPlatform.entrySet()) {
                blackhole.consume(HealthAggregator.aggregate(platform.getValue(), Optional.of(platform.getKey()),
                        settings, now));
            }
            blackhole.consume(HealthAggregator.aggregate(all, Optional.empty(), settings, now));
        }
    }

    /** The accounts alone, to tell the calculator's share of the recompute from the roll-ups'. */
    @Benchmark
    public void calculateAccounts(Blackhole blackhole) {
        for (SyntheticFleet.Tenant tenant : fleet.tenants()) {
            for (SignalSnapshot snapshot : tenant.accounts()) {
                blackhole.consume(calculator.calculate(snapshot, now));
            }
        }
    }

    /** What an account weighs in a roll-up: today's spend, as the server's health computation uses. */
    static OptionalDouble todaysSpend(SignalSnapshot snapshot) {
        Optional<DailyMetrics> today = snapshot.current();
        return today.isPresent() && today.get().spend() != null
                ? OptionalDouble.of(today.get().spend())
                : OptionalDouble.empty();
    }
}
