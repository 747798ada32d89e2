package ai.stratum.server.signals.health;

import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Signal health of an account, a platform or a tenant (seed 002's {@code SignalHealth}).
 *
 * @param overallScore   composite score, 0-100
 * @param emqScore       event-match-quality component, 0-100
 * @param freshnessScore data-freshness component, 0-100
 * @param varianceScore  platform-versus-analytics revenue component, 0-100
 * @param anomalyScore   z-score anomaly component, 0-100
 * @param cdpEmqScore    CDP identity-quality component, 0-100, present only when it entered the overall score
 *                       (CDP enabled and a score known)
 * @param status         the tier of {@code overallScore}
 * @param issues         one human-readable line per component that pulls the score down, naming the account
 * @param lastUpdated    when this health was computed
 * @param platform       the platform, for an account's or a platform's health; empty for a tenant's
 * @param accountId      the account, for an account's health; empty for a platform's or a tenant's
 */
public record SignalHealth(double overallScore, double emqScore, double freshnessScore, double varianceScore,
                           double anomalyScore, OptionalDouble cdpEmqScore, HealthStatus status, List<String> issues,
                           Instant lastUpdated, Optional<Platform> platform, Optional<String> accountId) {

    /** @throws NullPointerException when a component or an issue is null */
    public SignalHealth {
        Objects.requireNonNull(cdpEmqScore, "cdpEmqScore");
        Objects.requireNonNull(status, "status");
        issues = List.copyOf(issues);
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
    }
}
