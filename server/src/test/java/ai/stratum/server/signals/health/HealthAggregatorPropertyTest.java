package ai.stratum.server.signals.health;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAggregatorPropertyTest {

    private static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");

    @Property
    void keepsTheRolledUpScoreBetweenTheWorstAndTheBestAccount(@ForAll("accounts") List<WeightedHealth> accounts) {
        SignalHealth rolledUp = HealthAggregator.aggregate(accounts, Optional.empty(), TrustSettings.defaults(), NOW);

        double worst = accounts.stream().mapToDouble(a -> a.health().overallScore()).min().orElseThrow();
        double best = accounts.stream().mapToDouble(a -> a.health().overallScore()).max().orElseThrow();
        assertThat(rolledUp.overallScore()).isBetween(worst, best);
    }

    @Property
    void judgesAccountsThatAllShareAStatusWithThatStatus(@ForAll("accounts") List<WeightedHealth> accounts) {
        List<HealthStatus> statuses = accounts.stream().map(a -> a.health().status()).distinct().toList();

        SignalHealth rolledUp = HealthAggregator.aggregate(accounts, Optional.empty(), TrustSettings.defaults(), NOW);

        assertThat(rolledUp.status()).isEqualTo(HealthStatus.of(rolledUp.overallScore(), TrustSettings.defaults()));
        if (statuses.size() == 1) {
            assertThat(rolledUp.status()).isEqualTo(statuses.get(0));
        }
    }

    @Provide
    Arbitrary<List<WeightedHealth>> accounts() {
        Arbitrary<Double> score = Arbitraries.oneOf(Arbitraries.doubles().between(0, 100).ofScale(2),
                Arbitraries.of(39.99, 40.0, 69.99, 70.0, 100.0));
        Arbitrary<OptionalDouble> spend = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e6).ofScale(2),
                        Arbitraries.of(0.0, 0.01)).optional(0.8)
                .map(value -> value.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        return Combinators.combine(score, spend).as((overall, money) -> new WeightedHealth(new SignalHealth(overall,
                        overall, overall, overall, overall, OptionalDouble.empty(),
                        HealthStatus.of(overall, TrustSettings.defaults()), List.of(), NOW, Optional.empty(),
                        Optional.empty()), money))
                .list().ofMinSize(1).ofMaxSize(8);
    }
}
