package ai.stratum.server.trust.config;

import java.util.EnumSet;
import java.util.Set;

/** The flags switched on for one tenant. */
public record FeatureFlags(Set<FeatureFlag> enabled) {

    public FeatureFlags {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    }

    public static FeatureFlags allOn() {
        return new FeatureFlags(EnumSet.allOf(FeatureFlag.class));
    }

    public boolean on(FeatureFlag flag) {
        return enabled.contains(flag);
    }
}
