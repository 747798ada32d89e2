package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.ml.roas.RoasPrediction;
import ai.stratum.server.ml.roas.RoasTrend;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code ml_roas_predictions}: the live ROAS predictions, newest first. */
@Singleton
class RoasPredictionRepository {

    private static final String COLUMNS = "id, platform, campaign_id, predicted_for, model_version, predicted_roas, confidence_lower, "
            + "confidence_upper, trend, recommendation, predicted_at";

    Mono<Long> insert(Connection connection, TenantId tenant, StoredRoasPrediction stored) {
        RoasPrediction prediction = stored.prediction();
        return Sql.of(connection, "INSERT INTO ml_roas_predictions (tenant_id, id, platform, campaign_id, predicted_for, model_version, "
                                + "predicted_roas, confidence_lower, confidence_upper, trend, recommendation, predicted_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                        tenant.value(), stored.id(), stored.platform().name(), stored.campaignId(), stored.predictedFor(),
                        stored.modelVersion(), prediction.predictedRoas(), Sql.nullable(prediction.confidenceLower(), Double.class),
                        Sql.nullable(prediction.confidenceUpper(), Double.class), prediction.trend().name(), prediction.recommendation(),
                        stored.predictedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Drops the tenant's predictions made before the instant. */
    Mono<Long> deleteBefore(Connection connection, TenantId tenant, Instant before) {
        return Sql.of(connection, "DELETE FROM ml_roas_predictions WHERE tenant_id = $1 AND predicted_at < $2",
                tenant.value(), before.atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * One page, newest first, after the cursor; asks for {@code limit} rows (one more than the page, to know
     * whether another follows).
     */
    Flux<StoredRoasPrediction> page(Connection connection, TenantId tenant, Optional<String> campaignId, Optional<PageCursor> after,
                                    int limit) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        StringBuilder where = new StringBuilder("tenant_id = $1");
        campaignId.ifPresent(id -> {
            parameters.add(id);
            where.append(" AND campaign_id = $").append(parameters.size());
        });
        after.ifPresent(cursor -> {
            parameters.add(cursor.at().atOffset(ZoneOffset.UTC));
            parameters.add(cursor.id());
            where.append(" AND (predicted_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(')');
        });
        parameters.add(limit);
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM ml_roas_predictions WHERE " + where
                        + " ORDER BY predicted_at DESC, id DESC LIMIT $" + parameters.size(), parameters.toArray())
                .rows(RoasPredictionRepository::map);
    }

    Mono<Long> count(Connection connection, TenantId tenant, Optional<String> campaignId) {
        return campaignId
                .map(id -> Sql.of(connection, "SELECT count(*) AS n FROM ml_roas_predictions WHERE tenant_id = $1 AND campaign_id = $2",
                        tenant.value(), id))
                .orElseGet(() -> Sql.of(connection, "SELECT count(*) AS n FROM ml_roas_predictions WHERE tenant_id = $1", tenant.value()))
                .row(row -> row.get("n", Long.class));
    }

    private static StoredRoasPrediction map(Readable row) {
        RoasPrediction prediction = new RoasPrediction(row.get("predicted_roas", Double.class), row.get("confidence_lower", Double.class),
                row.get("confidence_upper", Double.class), RoasTrend.valueOf(row.get("trend", String.class)),
                row.get("recommendation", String.class));
        return new StoredRoasPrediction(row.get("id", UUID.class), Platform.valueOf(row.get("platform", String.class)),
                row.get("campaign_id", String.class), row.get("predicted_for", LocalDate.class), row.get("model_version", String.class),
                prediction, row.get("predicted_at", OffsetDateTime.class).toInstant());
    }
}
