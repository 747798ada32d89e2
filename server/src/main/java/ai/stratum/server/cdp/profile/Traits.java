package ai.stratum.server.cdp.profile;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A profile's traits: each value with the timestamp of the event it came from, which is what a
 * merge strategy compares. Values are JSON values (strings, numbers, booleans, lists, objects);
 * never null.
 */
public record Traits(Map<String, Object> values, Map<String, Instant> observedAt) {

    public Traits {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        observedAt = Map.copyOf(observedAt);
        if (!values.keySet().equals(observedAt.keySet())) {
            throw new IllegalArgumentException("every trait has exactly one observation time");
        }
        values.values().forEach(value -> Objects.requireNonNull(value, "trait value"));
    }

    public static Traits none() {
        return new Traits(Map.of(), Map.of());
    }

    /** Traits an event carried, all observed at its timestamp. JSON nulls are left out: a null says nothing to keep. */
    public static Traits observed(Map<String, Object> values, Instant at) {
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, Instant> times = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                kept.put(name, value);
                times.put(name, at);
            }
        });
        return new Traits(kept, times);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
