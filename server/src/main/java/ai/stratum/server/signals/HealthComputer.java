package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.HealthAggregator;
import ai.stratum.server.signals.health.HealthStatus;
import ai.stratum.server.signals.health.SignalHealth;
import ai.stratum.server.signals.health.SignalHealthCalculator;
import ai.stratum.server.signals.health.SignalSnapshot;
import ai.stratum.server.signals.health.TrustSettings;
import ai.stratum.server.signals.health.WeightedHealth;
import ai.stratum.server.trust.config.FeatureFlag;
import ai.stratum.server.trust.config.FeatureFlags;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Health of stored snapshots under one tenant's settings and flags, at one instant.
 *
 * @param tenantCdpScore the tenant's own CDP score ({@link TenantCdpScore}): when present, every account's CDP
 *                       component, in place of a score sent with its signals
 */
record HealthComputer(TrustSettings settings, FeatureFlags flags, Instant now, OptionalDouble tenantCdpScore) {

    SignalHealth account(SignalSnapshot snapshot) {
        return new SignalHealthCalculator(settings).calculate(flagged(snapshot), now);
    }

    /** Spend-weighted over the accounts (equal weights where spend is unknown). */
    SignalHealth aggregate(List<SignalSnapshot> snapshots, Optional<Platform> platform) {
        SignalHealthCalculator calculator = new SignalHealthCalculator(settings);
        List<WeightedHealth> weighted = snapshots.stream()
                .map(snapshot -> new WeightedHealth(calculator.calculate(flagged(snapshot), now), spend(snapshot)))
                .toList();
        return HealthAggregator.aggregate(weighted, platform, settings, now);
    }

    /** An account nobody has sent signals for: judged on no data at all. */
    static SignalSnapshot empty(Platform platform, String accountId) {
        return new SignalSnapshot(platform, accountId, List.of(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), List.of(), OptionalDouble.empty());
    }

    /**
     * What the gate sees when health is switched off for the tenant: a score of 0, so only
     * always-allowed actions pass, with the reason in the issues.
     */
    static SignalHealth untrusted(SignalHealth health) {
        List<String> issues = new java.util.ArrayList<>(health.issues());
        issues.add(0, "Signal health is switched off for this tenant (feature flag SIGNAL_HEALTH): no automation is trusted");
        return new SignalHealth(0, health.emqScore(), health.freshnessScore(), health.varianceScore(), health.anomalyScore(),
                health.cdpEmqScore(), HealthStatus.CRITICAL, List.copyOf(issues), health.lastUpdated(), health.platform(),
                health.accountId());
    }

    private SignalSnapshot flagged(SignalSnapshot stored) {
        SignalSnapshot snapshot = tenantCdpScore.isPresent() ? stored.withCdpEmqScore(tenantCdpScore.getAsDouble()) : stored;
        if (flags.on(FeatureFlag.ATTRIBUTION_VARIANCE)) {
            return snapshot;
        }
        return new SignalSnapshot(snapshot.platform(), snapshot.accountId(), snapshot.emqScores(), snapshot.lastReceivedAt(),
                OptionalDouble.empty(), OptionalDouble.empty(), snapshot.current(), snapshot.history(), snapshot.cdpEmqScore());
    }

    private static OptionalDouble spend(SignalSnapshot snapshot) {
        return snapshot.current()
                .map(day -> day.spend() == null ? OptionalDouble.empty() : OptionalDouble.of(day.spend()))
                .orElse(OptionalDouble.empty());
    }
}
