package ai.stratum.server.trust;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Generates every kind of valid {@link TrustGateConfig} and scores to judge by, for property tests. */
public final class TrustGateConfigArbitraries {

    private static final List<Double> SEED_SCORES = List.of(0.0, 39.99, 40.0, 59.99, 60.0, 69.99, 70.0, 79.99, 80.0,
            100.0);

    private TrustGateConfigArbitraries() {
    }

    /**
     * @return configurations with any ordered thresholds (hold &le; conservative &le; standard &le; high-risk)
     *         and any action on any list, EMERGENCY_STOP always allowed; the seed's defaults among them
     */
    public static Arbitrary<TrustGateConfig> valid() {
        Arbitrary<List<Double>> thresholds = Arbitraries.oneOf(Arbitraries.doubles().between(0, 100).ofScale(2),
                        Arbitraries.of(SEED_SCORES))
                .list().ofSize(4).map(list -> list.stream().sorted().toList());
        Arbitrary<List<RiskLevel>> risks = Arbitraries.of(RiskLevel.class).list().ofSize(ActionType.values().length);
        Arbitrary<TrustGateConfig> custom = Combinators.combine(thresholds, risks).as((t, r) -> {
            Set<ActionType> highRisk = EnumSet.noneOf(ActionType.class);
            Set<ActionType> conservative = EnumSet.noneOf(ActionType.class);
            Set<ActionType> alwaysAllowed = EnumSet.of(ActionType.EMERGENCY_STOP);
            for (ActionType action : ActionType.values()) {
                if (action == ActionType.EMERGENCY_STOP) {
                    continue;
                }
                switch (r.get(action.ordinal())) {
                    case HIGH_RISK -> highRisk.add(action);
                    case CONSERVATIVE -> conservative.add(action);
                    case ALWAYS_ALLOWED -> alwaysAllowed.add(action);
                    case STANDARD -> {
                        // on no list
                    }
                }
            }
            return new TrustGateConfig(t.get(3), t.get(2), t.get(1), t.get(0), highRisk, conservative, alwaysAllowed);
        });
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(TrustGateConfig.defaults())),
                Tuple.of(4, custom));
    }

    /** @return finite signal-health scores, slightly outside 0-100 too, the seed's boundaries more often */
    public static Arbitrary<Double> scores() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-5, 105).ofScale(3), Arbitraries.of(SEED_SCORES));
    }

    /** @return any score, NaN and the infinities among them */
    public static Arbitrary<Double> anyScores() {
        return Arbitraries.oneOf(scores(), Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE));
    }
}
