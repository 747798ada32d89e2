package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.anomaly.Anomaly;
import ai.stratum.server.ml.anomaly.AnomalyMethod;
import ai.stratum.server.ml.anomaly.AnomalyMetric;
import ai.stratum.server.ml.anomaly.CampaignAnomalyDetector;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code ml_anomalies}. */
@Singleton
class AnomalyRepository {

    /**
     * Stores the anomaly unless the day already has it: the same metric by z-score, or any forest
     * finding (whose furthest metric may differ between scans).
     *
     * @return the stored anomaly when it is new; empty when it was known
     */
    Mono<AnomalyView> insertIfNew(Connection connection, TenantId tenant, Platform platform, String campaignId, String currency,
                                  Anomaly anomaly) {
        return Sql.of(connection, """
                        INSERT INTO ml_anomalies (tenant_id, platform, campaign_id, date, method, metric, score, value, expected, currency,
                                                  detector)
                        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
                        WHERE NOT EXISTS (SELECT 1 FROM ml_anomalies WHERE tenant_id = $1 AND platform = $2 AND campaign_id = $3
                                          AND date = $4 AND method = $5 AND (method = 'ISOLATION_FOREST' OR metric = $6))
                        ON CONFLICT DO NOTHING
                        RETURNING detected_at
                        """, tenant.value(), platform.name(), campaignId, anomaly.date(), anomaly.method().name(), anomaly.metric().name(),
                        anomaly.score(), anomaly.value(), anomaly.expected(), currency, CampaignAnomalyDetector.VERSION)
                .row(row -> new AnomalyView(platform, campaignId, anomaly.date(), anomaly.metric(), anomaly.method(), anomaly.score(),
                        anomaly.value(), anomaly.expected(), currency, row.get("detected_at", OffsetDateTime.class).toInstant()));
    }

    /** The tenant's anomalies on days from {@code from} to {@code to}, by date, platform, campaign, method and metric. */
    Flux<AnomalyView> between(Connection connection, TenantId tenant, LocalDate from, LocalDate to, Optional<Platform> platform,
                              Optional<String> campaignId, Optional<AnomalyMethod> method) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value(), from, to));
        StringBuilder sql = new StringBuilder("SELECT platform, campaign_id, date, method, metric, score, value, expected, currency, "
                + "detected_at FROM ml_anomalies WHERE tenant_id = $1 AND date BETWEEN $2 AND $3");
        platform.ifPresent(p -> {
            parameters.add(p.name());
            sql.append(" AND platform = $").append(parameters.size());
        });
        campaignId.ifPresent(id -> {
            parameters.add(id);
            sql.append(" AND campaign_id = $").append(parameters.size());
        });
        method.ifPresent(m -> {
            parameters.add(m.name());
            sql.append(" AND method = $").append(parameters.size());
        });
        sql.append(" ORDER BY date, platform, campaign_id, method, metric");
        return Sql.of(connection, sql.toString(), parameters.toArray()).rows(AnomalyRepository::map);
    }

    private static AnomalyView map(Readable row) {
        return new AnomalyView(Platform.valueOf(row.get("platform", String.class)), row.get("campaign_id", String.class),
                row.get("date", LocalDate.class), AnomalyMetric.valueOf(row.get("metric", String.class)),
                AnomalyMethod.valueOf(row.get("method", String.class)), row.get("score", Double.class), row.get("value", Double.class),
                row.get("expected", Double.class), row.get("currency", String.class).strip(),
                row.get("detected_at", OffsetDateTime.class).toInstant());
    }
}
