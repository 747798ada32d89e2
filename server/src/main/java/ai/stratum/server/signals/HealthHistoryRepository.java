package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.signals.health.HealthStatus;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/** SQL for {@code signal_health_history}: one row per tenant, day and scope, upserted. */
@Singleton
class HealthHistoryRepository {

    static final String TENANT_SCOPE = "TENANT";

    Mono<Long> upsert(Connection connection, TenantId tenant, HealthDay day) {
        return Sql.of(connection,
                        "INSERT INTO signal_health_history (tenant_id, date, scope, overall_score, status, emq_score_avg, "
                                + "freshness_minutes_avg, platforms_ok, platforms_risk, platforms_degraded, platforms_critical, "
                                + "automation_blocked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                                + "ON CONFLICT (tenant_id, date, scope) DO UPDATE SET overall_score = EXCLUDED.overall_score, "
                                + "status = EXCLUDED.status, emq_score_avg = EXCLUDED.emq_score_avg, "
                                + "freshness_minutes_avg = EXCLUDED.freshness_minutes_avg, platforms_ok = EXCLUDED.platforms_ok, "
                                + "platforms_risk = EXCLUDED.platforms_risk, platforms_degraded = EXCLUDED.platforms_degraded, "
                                + "platforms_critical = EXCLUDED.platforms_critical, "
                                + "automation_blocked = signal_health_history.automation_blocked OR EXCLUDED.automation_blocked, "
                                + "updated_at = now()",
                        tenant.value(), day.date(), scope(day.platform()), decimal(day.overallScore()), day.status().name(),
                        decimal(day.emqScoreAvg()), Sql.nullable(day.freshnessMinutesAvg(), Integer.class),
                        day.ok(), day.risk(), day.degraded(), day.critical(), day.automationBlocked())
                .update();
    }

    Flux<HealthDay> between(Connection connection, TenantId tenant, LocalDate from, LocalDate to, Optional<Platform> platform) {
        return Sql.of(connection, "SELECT * FROM signal_health_history WHERE tenant_id = $1 AND scope = $2 AND date BETWEEN $3 AND $4 "
                        + "ORDER BY date", tenant.value(), scope(platform), from, to)
                .rows(HealthHistoryRepository::map);
    }

    private static HealthDay map(Readable row) {
        String scope = row.get("scope", String.class);
        BigDecimal emq = row.get("emq_score_avg", BigDecimal.class);
        return new HealthDay(row.get("date", LocalDate.class),
                TENANT_SCOPE.equals(scope) ? Optional.empty() : Optional.of(Platform.valueOf(scope)),
                row.get("overall_score", BigDecimal.class).doubleValue(),
                HealthStatus.valueOf(row.get("status", String.class)),
                emq == null ? 0 : emq.doubleValue(),
                row.get("freshness_minutes_avg", Integer.class),
                row.get("platforms_ok", Integer.class), row.get("platforms_risk", Integer.class),
                row.get("platforms_degraded", Integer.class), row.get("platforms_critical", Integer.class),
                row.get("automation_blocked", Boolean.class));
    }

    private static String scope(Optional<Platform> platform) {
        return platform.map(Enum::name).orElse(TENANT_SCOPE);
    }

    private static BigDecimal decimal(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
    }
}
