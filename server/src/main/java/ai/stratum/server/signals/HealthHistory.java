package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.SignalHealth;
import ai.stratum.server.signals.health.SignalSnapshot;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.TrustGateConfig;
import ai.stratum.server.trust.config.TrustContext;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Writes the day's history rows: the platform whose data changed, and the tenant over all of its
 * platforms. Rows are upserted, so the last write of a day stands, except that a day on which
 * automation was blocked at any point stays marked blocked.
 */
@Singleton
class HealthHistory {

    private final HealthHistoryRepository rows;

    HealthHistory(HealthHistoryRepository rows) {
        this.rows = rows;
    }

    Mono<Void> record(Connection connection, TenantId tenant, LocalDate date, List<SignalSnapshot> snapshots, Platform changed,
                      TrustContext context, HealthComputer computer) {
        Map<Platform, List<SignalSnapshot>> byPlatform = snapshots.stream().collect(Collectors.groupingBy(SignalSnapshot::platform));
        List<SignalSnapshot> platformSnapshots = byPlatform.getOrDefault(changed, List.of());
        HealthDay platformDay = day(date, Optional.of(changed), computer.aggregate(platformSnapshots, Optional.of(changed)),
                platformSnapshots.stream().map(computer::account).toList(), platformSnapshots, context, computer);
        List<SignalHealth> platformHealths = byPlatform.entrySet().stream()
                .map(entry -> computer.aggregate(entry.getValue(), Optional.of(entry.getKey())))
                .toList();
        HealthDay tenantDay = day(date, Optional.empty(), computer.aggregate(snapshots, Optional.empty()), platformHealths, snapshots,
                context, computer);
        return rows.upsert(connection, tenant, platformDay).then(rows.upsert(connection, tenant, tenantDay)).then();
    }

    Flux<HealthDay> between(Connection connection, TenantId tenant, LocalDate from, LocalDate to, Optional<Platform> platform) {
        return rows.between(connection, tenant, from, to, platform);
    }

    private static HealthDay day(LocalDate date, Optional<Platform> platform, SignalHealth scope, List<SignalHealth> members,
                                 List<SignalSnapshot> snapshots, TrustContext context, HealthComputer computer) {
        TrustGateConfig gate = context.gate();
        int ok = 0;
        int risk = 0;
        int degraded = 0;
        int critical = 0;
        for (SignalHealth member : members) {
            double score = member.overallScore();
            if (score >= gate.standardThreshold()) {
                ok++;
            } else if (score >= gate.conservativeThreshold()) {
                risk++;
            } else if (score >= gate.holdThreshold()) {
                degraded++;
            } else {
                critical++;
            }
        }
        boolean blocked = context.freeze().isPresent() || scope.overallScore() < gate.holdThreshold();
        return new HealthDay(date, platform, SignalHealthView.round(scope.overallScore()), scope.status(),
                SignalHealthView.round(scope.emqScore()), freshnessMinutes(snapshots, computer.now()), ok, risk, degraded, critical, blocked);
    }

    /** Mean age of the newest data points, in minutes, over the members that reported one. */
    private static Integer freshnessMinutes(List<SignalSnapshot> snapshots, Instant now) {
        OptionalDouble mean = snapshots.stream()
                .flatMap(snapshot -> snapshot.lastReceivedAt().stream())
                .mapToLong(at -> Duration.between(at, now).toMinutes())
                .average();
        return mean.isPresent() ? (int) Math.round(mean.getAsDouble()) : null;
    }
}
