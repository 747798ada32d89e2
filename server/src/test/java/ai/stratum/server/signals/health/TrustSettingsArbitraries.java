package ai.stratum.server.signals.health;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** Generates every kind of valid {@link TrustSettings}, for the property tests of this package. */
final class TrustSettingsArbitraries {

    private TrustSettingsArbitraries() {
    }

    /** @return settings with thresholds, ages, variances, z-score, weights and CDP anywhere within their rules */
    static Arbitrary<TrustSettings> valid() {
        Arbitrary<List<Double>> thresholds = percent().list().ofSize(4).map(list -> list.stream().sorted().toList());
        Arbitrary<Double> degradedShare = Arbitraries.doubles().between(0, 1).ofScale(3);
        Arbitrary<Double> maxAge = Arbitraries.doubles().between(0, 72).ofScale(2);
        Arbitrary<Double> staleGap = Arbitraries.doubles().between(0.01, 72).ofScale(2);
        Arbitrary<Double> warning = Arbitraries.doubles().between(0, 40).ofScale(2);
        Arbitrary<Double> varianceGap = Arbitraries.doubles().between(0.01, 40).ofScale(2);
        Arbitrary<Double> zScore = Arbitraries.doubles().between(0.1, 6).ofScale(2);
        Arbitrary<List<Integer>> weightParts = Arbitraries.integers().between(0, 10).list().ofSize(4)
                .filter(parts -> parts.stream().mapToInt(Integer::intValue).sum() > 0);
        Arbitrary<Partial> partial = Combinators.combine(thresholds, degradedShare, maxAge, staleGap, warning,
                varianceGap, zScore, weightParts).as(Partial::new);
        Arbitrary<Double> cdpWeight = Arbitraries.doubles().between(0, 0.9).ofScale(2);
        Arbitrary<Boolean> cdpEnabled = Arbitraries.of(true, false);
        return Combinators.combine(partial, cdpWeight, cdpEnabled).as(Partial::settings);
    }

    /** @return a percentage, the seed's thresholds (and 0 and 100) more often than any other value */
    private static Arbitrary<Double> percent() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 100).ofScale(2),
                Arbitraries.of(0.0, 40.0, 60.0, 70.0, 80.0, 100.0));
    }

    private record Partial(List<Double> thresholds, double degradedShare, double maxAge, double staleGap,
                           double warning, double varianceGap, double zScore, List<Integer> weightParts) {

        TrustSettings settings(double cdpWeight, boolean cdpEnabled) {
            double hold = thresholds.get(0);
            double conservative = thresholds.get(1);
            double healthy = thresholds.get(2);
            double highRisk = thresholds.get(3);
            double parts = weightParts.stream().mapToInt(Integer::intValue).sum();
            return new TrustSettings(healthy, healthy * degradedShare, highRisk, conservative, hold, maxAge,
                    maxAge + staleGap, warning + varianceGap, warning, zScore, weightParts.get(0) / parts,
                    weightParts.get(1) / parts, weightParts.get(2) / parts, weightParts.get(3) / parts, cdpWeight,
                    cdpEnabled);
        }
    }
}
