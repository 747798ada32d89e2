package ai.stratum.server.cdp.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraitMergerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0}: stored at +{1}s, incoming at +{2}s -> {3}")
    @CsvSource({
            "MOST_RECENT, 10, 20, incoming",
            "MOST_RECENT, 20, 10, stored",
            "MOST_RECENT, 10, 10, incoming",
            "FIRST,       10, 20, stored",
            "FIRST,       20, 10, incoming",
            "FIRST,       10, 10, stored"})
    void theStrategyComparesEventTimestampsNotArrival(TraitStrategy strategy, long storedAt, long incomingAt, String winner) {
        TraitMerger merger = new TraitMerger(Map.of("plan", strategy));
        Traits stored = Traits.observed(Map.of("plan", "stored"), T0.plusSeconds(storedAt));
        Traits incoming = Traits.observed(Map.of("plan", "incoming"), T0.plusSeconds(incomingAt));

        Traits merged = merger.merge(stored, incoming);

        assertThat(merged.values().get("plan")).isEqualTo(winner);
        assertThat(merged.observedAt().get("plan")).isEqualTo(T0.plusSeconds(winner.equals("stored") ? storedAt : incomingAt));
    }

    @Test
    void traitsMergeOneByOneAndKeepWhatOnlyOneSideHas() {
        TraitMerger merger = TraitMerger.parse("createdAt=FIRST");
        Traits stored = new Traits(Map.of("createdAt", "2020", "name", "Jane", "city", "Berlin"),
                Map.of("createdAt", T0, "name", T0, "city", T0));
        Traits incoming = Traits.observed(Map.of("createdAt", "2026", "name", "Jane Doe", "plan", "pro"), T0.plusSeconds(60));

        Traits merged = merger.merge(stored, incoming);

        assertThat(merged.values()).containsExactlyInAnyOrderEntriesOf(
                Map.of("createdAt", "2020", "name", "Jane Doe", "city", "Berlin", "plan", "pro"));
    }

    @Test
    void aNullTraitSaysNothing() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", null);
        values.put("plan", "pro");

        assertThat(Traits.observed(values, T0).values()).containsOnlyKeys("plan");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"createdAt=OLDEST", "=FIRST", "createdAt"})
    void refusesAConfigurationItCannotRead(String configuration) {
        assertThatThrownBy(() -> TraitMerger.parse(configuration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRATUM_CDP_TRAIT_MERGE");
    }

    @Test
    void readsTheConfigurationLeniently() {
        TraitMerger merger = TraitMerger.parse(" createdAt = first , plan=MOST_RECENT,, ");

        assertThat(merger.strategyOf("createdAt")).isEqualTo(TraitStrategy.FIRST);
        assertThat(merger.strategyOf("plan")).isEqualTo(TraitStrategy.MOST_RECENT);
        assertThat(merger.strategyOf("anything")).isEqualTo(TraitStrategy.MOST_RECENT);
        assertThat(TraitMerger.parse("").strategyOf("createdAt")).isEqualTo(TraitStrategy.MOST_RECENT);
    }
}
