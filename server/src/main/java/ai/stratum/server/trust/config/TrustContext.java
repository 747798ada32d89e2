package ai.stratum.server.trust.config;

import ai.stratum.server.signals.health.TrustSettings;
import ai.stratum.server.trust.TrustGateConfig;

import java.util.Optional;

/** Everything a tenant has configured that decides how its data is judged and its actions gated. */
public record TrustContext(TrustSettings settings, FeatureFlags flags, TrustGateConfig gate, Optional<AutopilotFreeze> freeze) {
}
