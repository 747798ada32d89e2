package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.HealthStatus;
import ai.stratum.server.signals.health.SignalHealth;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * {@code SignalHealth} as GraphQL shows it and as it travels between server instances: scores
 * rounded to two decimals, the same precision the history keeps.
 */
@Serdeable
public record SignalHealthView(double overallScore, double emqScore, double freshnessScore, double varianceScore,
                               double anomalyScore, @Nullable Double cdpEmqScore, HealthStatus status, List<String> issues,
                               Instant lastUpdated, @Nullable Platform platform, @Nullable String accountId) {

    public static SignalHealthView of(SignalHealth health) {
        return new SignalHealthView(round(health.overallScore()), round(health.emqScore()), round(health.freshnessScore()),
                round(health.varianceScore()), round(health.anomalyScore()),
                health.cdpEmqScore().isPresent() ? round(health.cdpEmqScore().getAsDouble()) : null,
                health.status(), health.issues(), health.lastUpdated(), health.platform().orElse(null),
                health.accountId().orElse(null));
    }

    static double round(double score) {
        return Math.round(score * 100.0) / 100.0;
    }
}
