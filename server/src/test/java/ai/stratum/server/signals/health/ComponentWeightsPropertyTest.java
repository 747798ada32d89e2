package ai.stratum.server.signals.health;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ComponentWeightsPropertyTest {

    @Property
    void sumsToOneWithOrWithoutCdp(@ForAll("settings") TrustSettings settings) {
        for (ComponentWeights weights : List.of(ComponentWeights.withoutCdp(settings),
                ComponentWeights.withCdp(settings))) {
            assertThat(weights.emq() + weights.freshness() + weights.variance() + weights.anomaly() + weights.cdp())
                    .isCloseTo(1.0, offset(1e-9));
        }
    }

    @Property
    void neverLowersTheOverallScoreWhenAComponentRises(
            @ForAll("settings") TrustSettings settings, @ForAll boolean withCdp,
            @ForAll @Size(5) List<@DoubleRange(min = 0, max = 100) Double> components,
            @ForAll @IntRange(min = 0, max = 4) int raised,
            @ForAll @DoubleRange(min = 0, max = 100) double rise) {
        ComponentWeights weights = withCdp ? ComponentWeights.withCdp(settings) : ComponentWeights.withoutCdp(settings);
        List<Double> better = new ArrayList<>(components);
        better.set(raised, Math.min(100, components.get(raised) + rise));

        assertThat(overall(weights, better)).isGreaterThanOrEqualTo(overall(weights, components));
    }

    @Property
    void keepsTheOverallScoreBetweenTheLowestAndHighestComponent(
            @ForAll("settings") TrustSettings settings, @ForAll boolean withCdp,
            @ForAll @Size(5) List<@DoubleRange(min = 0, max = 100) Double> components) {
        ComponentWeights weights = withCdp ? ComponentWeights.withCdp(settings) : ComponentWeights.withoutCdp(settings);
        List<Double> counted = withCdp ? components : components.subList(0, 4);

        double overall = overall(weights, components);

        assertThat(overall).isBetween(counted.stream().mapToDouble(Double::doubleValue).min().orElseThrow() - 1e-9,
                counted.stream().mapToDouble(Double::doubleValue).max().orElseThrow() + 1e-9);
    }

    private static double overall(ComponentWeights weights, List<Double> c) {
        return weights.overall(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4));
    }

    @Provide
    Arbitrary<TrustSettings> settings() {
        return TrustSettingsArbitraries.valid();
    }
}
