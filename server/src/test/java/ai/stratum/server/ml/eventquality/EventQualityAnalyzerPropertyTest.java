package ai.stratum.server.ml.eventquality;

import ai.stratum.plugin.api.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventQualityAnalyzerPropertyTest {

    private final EventQualityAnalyzer analyzer = new EventQualityAnalyzer();

    @Property
    void scoresTheSumOfTheWeightsOfTheKeysSent(@ForAll Platform platform, @ForAll("keys") Set<MatchKey> keys) {
        EventQualityResult result = analyzer.analyze(Events.with(platform, keys), platform);

        Map<MatchKey, Integer> weights = MatchWeights.of(platform);
        int expected = weights.entrySet().stream().filter(e -> keys.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        assertThat(result.score()).isEqualTo(expected);
        assertThat(result.level()).isEqualTo(QualityLevel.of(expected));
        assertThat(result.roasImpactEstimate()).isEqualTo(QualityLevel.of(expected).roasImpactEstimate());
        assertThat(result.missingFields()).allMatch(key -> !keys.contains(key));
        assertThat(result.missingFields().size() + weights.keySet().stream().filter(keys::contains).count())
                .isEqualTo(weights.size());
    }

    @Property
    void neverFailsOnArbitraryValuesAndScoresWithinZeroToAHundred(@ForAll Platform platform,
                                                                   @ForAll("junk") Object value) {
        for (String field : List.of("user_data", "user", "userIdentifiers", "gclid", "userIpAddress",
                "sessionAttributesKeyValuePairs")) {
            EventQualityResult whole = analyzer.analyze(Map.of(field, value), platform);
            assertThat(whole.score()).isBetween(0.0, 100.0);
        }
        for (String field : List.of("em", "ph", "client_ip_address", "client_user_agent", "fbc", "external_id",
                "sc_click_id", "email", "ip", "ttclid")) {
            EventQualityResult nested = analyzer.analyze(Map.of("user_data", Map.of(field, value),
                    "user", Map.of(field, value)), platform);
            assertThat(nested.score()).isBetween(0.0, 100.0);
        }
    }

    @Provide
    Arbitrary<Set<MatchKey>> keys() {
        return Arbitraries.subsetOf(MatchKey.values()).map(set -> set.isEmpty() ? EnumSet.noneOf(MatchKey.class) : EnumSet.copyOf(set));
    }

    @Provide
    Arbitrary<Object> junk() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80).map(s -> (Object) s),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.%").ofMaxLength(45).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return Arbitraries.oneOf(leaf, leaf.list().ofMaxSize(3).map(l -> (Object) l),
                leaf.map(l -> (Object) Map.of("k", l)));
    }
}
