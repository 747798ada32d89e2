package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.fatigue.DailyFatigueScore;
import ai.stratum.server.ml.fatigue.FatigueLevel;
import ai.stratum.server.ml.fatigue.FatigueResult;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** SQL for {@code ml_creatives} and {@code ml_creative_fatigue}. */
@Singleton
class CreativeRepository {

    Mono<Long> upsert(Connection connection, TenantId tenant, CreativeFigures creative) {
        return Sql.of(connection, """
                        INSERT INTO ml_creatives (tenant_id, platform, creative_id, first_used_on, total_impressions, frequency, ctr_trend_7d,
                                                  ctr_trend_30d, engagement_decay_rate, initial_ctr, current_ctr, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
                        ON CONFLICT (tenant_id, platform, creative_id) DO UPDATE SET first_used_on = EXCLUDED.first_used_on,
                            total_impressions = EXCLUDED.total_impressions, frequency = EXCLUDED.frequency,
                            ctr_trend_7d = EXCLUDED.ctr_trend_7d, ctr_trend_30d = EXCLUDED.ctr_trend_30d,
                            engagement_decay_rate = EXCLUDED.engagement_decay_rate, initial_ctr = EXCLUDED.initial_ctr,
                            current_ctr = EXCLUDED.current_ctr, updated_at = now()
                        """, tenant.value(), creative.platform().name(), creative.creativeId(), creative.firstUsedOn(),
                        creative.totalImpressions(), creative.frequency(), creative.ctrTrend7d(), creative.ctrTrend30d(),
                        creative.engagementDecayRate(), creative.initialCtr(), creative.currentCtr())
                .update();
    }

    /** The creatives whose figures were updated since {@code since}: older figures are no longer today's. */
    Flux<CreativeFigures> updatedSince(Connection connection, TenantId tenant, Instant since) {
        return Sql.of(connection, "SELECT platform, creative_id, first_used_on, total_impressions, frequency, ctr_trend_7d, ctr_trend_30d, "
                                + "engagement_decay_rate, initial_ctr, current_ctr FROM ml_creatives WHERE tenant_id = $1 AND updated_at >= $2 "
                                + "ORDER BY platform, creative_id",
                        tenant.value(), since.atOffset(ZoneOffset.UTC))
                .rows(row -> new CreativeFigures(Platform.valueOf(row.get("platform", String.class)), row.get("creative_id", String.class),
                        row.get("first_used_on", LocalDate.class), row.get("total_impressions", Long.class), row.get("frequency", Double.class),
                        row.get("ctr_trend_7d", Double.class), row.get("ctr_trend_30d", Double.class),
                        row.get("engagement_decay_rate", Double.class), row.get("initial_ctr", Double.class),
                        row.get("current_ctr", Double.class)));
    }

    Flux<DailyFatigueScore> scores(Connection connection, TenantId tenant, Platform platform, String creativeId, LocalDate from,
                                   LocalDate to) {
        return Sql.of(connection, "SELECT date, fatigue_score FROM ml_creative_fatigue WHERE tenant_id = $1 AND platform = $2 "
                                + "AND creative_id = $3 AND date BETWEEN $4 AND $5 ORDER BY date",
                        tenant.value(), platform.name(), creativeId, from, to)
                .rows(row -> new DailyFatigueScore(row.get("date", LocalDate.class), row.get("fatigue_score", Double.class)));
    }

    Flux<CreativeFatigueDay> history(Connection connection, TenantId tenant, Platform platform, String creativeId, LocalDate from,
                                     LocalDate to) {
        return Sql.of(connection, "SELECT date, fatigue_score, fatigue_level, days_until_critical, recommendation FROM ml_creative_fatigue "
                                + "WHERE tenant_id = $1 AND platform = $2 AND creative_id = $3 AND date BETWEEN $4 AND $5 ORDER BY date",
                        tenant.value(), platform.name(), creativeId, from, to)
                .rows(row -> new CreativeFatigueDay(row.get("date", LocalDate.class), row.get("fatigue_score", Double.class),
                        FatigueLevel.valueOf(row.get("fatigue_level", String.class)), row.get("days_until_critical", Integer.class),
                        row.get("recommendation", String.class)));
    }

    Mono<Long> storeScore(Connection connection, TenantId tenant, CreativeFigures creative, LocalDate date, FatigueResult result) {
        return Sql.of(connection, """
                        INSERT INTO ml_creative_fatigue (tenant_id, platform, creative_id, date, fatigue_score, fatigue_level,
                                                         days_until_critical, recommendation)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        ON CONFLICT (tenant_id, platform, creative_id, date) DO UPDATE SET fatigue_score = EXCLUDED.fatigue_score,
                            fatigue_level = EXCLUDED.fatigue_level, days_until_critical = EXCLUDED.days_until_critical,
                            recommendation = EXCLUDED.recommendation
                        """, tenant.value(), creative.platform().name(), creative.creativeId(), date, result.fatigueScore(),
                        result.fatigueLevel().name(),
                        Sql.nullable(result.daysUntilCritical().isPresent() ? result.daysUntilCritical().getAsInt() : null, Integer.class),
                        result.recommendation())
                .update();
    }

    Mono<Long> deleteScoresBefore(Connection connection, TenantId tenant, LocalDate before) {
        return Sql.of(connection, "DELETE FROM ml_creative_fatigue WHERE tenant_id = $1 AND date < $2", tenant.value(), before).update();
    }
}
