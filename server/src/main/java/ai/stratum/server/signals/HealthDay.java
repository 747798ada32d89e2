package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.HealthStatus;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A row of {@code signal_health_history}. The four counts band the scope's members (platforms
 * of a tenant, accounts of a platform) by score: ok at the healthy threshold and above, risk down
 * to the conservative threshold, degraded down to the hold threshold, critical below.
 */
public record HealthDay(LocalDate date, Optional<Platform> platform, double overallScore, HealthStatus status, double emqScoreAvg,
                 Integer freshnessMinutesAvg, int ok, int risk, int degraded, int critical, boolean automationBlocked) {

    public Integer platformsOk() {
        return ok;
    }

    public Integer platformsRisk() {
        return risk;
    }

    public Integer platformsDegraded() {
        return degraded;
    }

    public Integer platformsCritical() {
        return critical;
    }
}
