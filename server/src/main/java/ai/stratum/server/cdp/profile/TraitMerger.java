package ai.stratum.server.cdp.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines trait observations trait by trait, each with its {@link TraitStrategy} (MOST_RECENT
 * unless configured). Comparing the events' timestamps, not arrival order, means a late-arriving
 * older event never overwrites a newer value. Ties go to {@code incoming} for MOST_RECENT and to
 * {@code base} for FIRST, so replaying events in order gives the same result as sending them once.
 */
public final class TraitMerger {

    private final Map<String, TraitStrategy> strategies;

    public TraitMerger(Map<String, TraitStrategy> strategies) {
        this.strategies = Map.copyOf(strategies);
    }

    /**
     * Reads {@code STRATUM_CDP_TRAIT_MERGE}: comma-separated {@code trait=STRATEGY} pairs, e.g.
     * {@code createdAt=FIRST,plan=MOST_RECENT}; blank for the default everywhere.
     */
    public static TraitMerger parse(String configuration) {
        Map<String, TraitStrategy> strategies = new TreeMap<>();
        if (configuration != null) {
            for (String pair : configuration.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String trait = equals < 0 ? "" : pair.substring(0, equals).strip();
                String strategy = equals < 0 ? "" : pair.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
                if (trait.isEmpty()) {
                    throw new IllegalArgumentException("STRATUM_CDP_TRAIT_MERGE: '" + pair.strip() + "' is not trait=STRATEGY");
                }
                try {
                    strategies.put(trait, TraitStrategy.valueOf(strategy));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("STRATUM_CDP_TRAIT_MERGE: unknown strategy '" + strategy + "' for trait '"
                            + trait + "'; use MOST_RECENT or FIRST", e);
                }
            }
        }
        return new TraitMerger(strategies);
    }

    public TraitStrategy strategyOf(String trait) {
        return strategies.getOrDefault(trait, TraitStrategy.MOST_RECENT);
    }

    public Traits merge(Traits base, Traits incoming) {
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        Map<String, Instant> times = new LinkedHashMap<>(base.observedAt());
        incoming.values().forEach((trait, value) -> {
            Instant at = incoming.observedAt().get(trait);
            Instant current = times.get(trait);
            if (current == null || wins(strategyOf(trait), at, current)) {
                values.put(trait, value);
                times.put(trait, at);
            }
        });
        return new Traits(values, times);
    }

    private static boolean wins(TraitStrategy strategy, Instant incoming, Instant current) {
        return switch (strategy) {
            case MOST_RECENT -> !incoming.isBefore(current);
            case FIRST -> incoming.isBefore(current);
        };
    }
}
