package ai.stratum.server.cdp.churn;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/** SQL of {@code cdp_churn_models}, and the activity churn is learned from. */
@Singleton
class ChurnRepository {

    private static final String INFO = "version, auc, precision, recall, training_rows, test_rows, churned_share, cutoff, window_days, trained_at";

    Mono<Optional<Instant>> newestEvent(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT max(timestamp) AS newest FROM cdp_events WHERE tenant_id = $1", tenant.value())
                .row(row -> Optional.ofNullable(row.get("newest", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    /** Every live profile's activity before {@code cutoff} (profiles with none are left out). */
    Flux<ChurnActivity> activity(Connection connection, TenantId tenant, Instant cutoff, Set<String> orderEvents) {
        return Sql.of(connection, "SELECT coalesce(pr.merged_into, pr.id) AS profile_id, min(e.timestamp) AS first_seen, "
                                + "max(e.timestamp) AS last_seen, count(*) AS events, "
                                + "count(*) FILTER (WHERE e.timestamp >= $3) AS last7, count(*) FILTER (WHERE e.timestamp >= $4) AS last30, "
                                + "count(*) FILTER (WHERE e.timestamp >= $5) AS last90, "
                                + "count(*) FILTER (WHERE e.type = 'TRACK' AND lower(e.event) = ANY($6::text[])) AS orders, "
                                + "count(*) FILTER (WHERE e.type = 'TRACK' AND lower(e.event) = ANY($6::text[]) AND e.timestamp >= $5) AS orders90, "
                                + "count(DISTINCT (e.timestamp AT TIME ZONE 'UTC')::date) FILTER (WHERE e.timestamp >= $4) AS active_days30 "
                                + "FROM cdp_events e JOIN cdp_profiles pr ON pr.tenant_id = e.tenant_id AND pr.id = e.profile_id "
                                + "WHERE e.tenant_id = $1 AND e.timestamp < $2 GROUP BY 1 ORDER BY 1",
                        tenant.value(), time(cutoff), time(cutoff.minus(Duration.ofDays(7))), time(cutoff.minus(Duration.ofDays(30))),
                        time(cutoff.minus(Duration.ofDays(90))), orderEvents.stream().map(String::toLowerCase).toArray(String[]::new))
                .rows(row -> new ChurnActivity(row.get("profile_id", UUID.class), instant(row, "first_seen"), instant(row, "last_seen"),
                        row.get("events", Long.class), row.get("last7", Long.class), row.get("last30", Long.class), row.get("last90", Long.class),
                        row.get("orders", Long.class), row.get("orders90", Long.class), row.get("active_days30", Long.class)));
    }

    /** The live profiles with an event in [from, to). */
    Flux<UUID> activeBetween(Connection connection, TenantId tenant, Instant from, Instant to) {
        return Sql.of(connection, "SELECT DISTINCT coalesce(pr.merged_into, pr.id) AS profile_id FROM cdp_events e JOIN cdp_profiles pr "
                        + "ON pr.tenant_id = e.tenant_id AND pr.id = e.profile_id WHERE e.tenant_id = $1 AND e.timestamp >= $2 AND e.timestamp < $3",
                tenant.value(), time(from), time(to)).rows(row -> row.get("profile_id", UUID.class));
    }

    /** Stores a new version, numbered after the newest; the tenant's churn lock keeps numbers apart. */
    Mono<ChurnModelInfo> insert(Connection connection, TenantId tenant, ChurnTrainer.Training training, Instant cutoff, int windowDays,
                                Optional<UUID> trainedBy, Instant now) {
        double auc = training.metrics().auc();
        return Sql.of(connection, "SELECT pg_advisory_xact_lock(hashtext('cdp-churn:' || $1))", tenant.toString()).rows(row -> 1).then()
                .then(Sql.of(connection, "INSERT INTO cdp_churn_models (tenant_id, version, auc, precision, recall, training_rows, test_rows, "
                                        + "churned_share, cutoff, window_days, artifact, trained_by, trained_at) SELECT $1, coalesce(max(version), 0) + 1, "
                                        + "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM cdp_churn_models WHERE tenant_id = $1 RETURNING " + INFO,
                                tenant.value(), Sql.nullable(Double.isNaN(auc) ? null : auc, Double.class), training.metrics().precision(),
                                training.metrics().recall(), training.trainingRows(), training.metrics().rows(), training.churnedShare(),
                                time(cutoff), windowDays, ByteBuffer.wrap(training.model().toBytes()),
                                Sql.nullable(trainedBy.orElse(null), UUID.class), time(now))
                        .row(ChurnRepository::info));
    }

    Mono<ChurnModelInfo> newest(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT " + INFO + " FROM cdp_churn_models WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1",
                tenant.value()).row(ChurnRepository::info);
    }

    Mono<byte[]> artifact(Connection connection, TenantId tenant, int version) {
        return Sql.of(connection, "SELECT artifact FROM cdp_churn_models WHERE tenant_id = $1 AND version = $2", tenant.value(), version)
                .row(row -> {
                    ByteBuffer buffer = row.get("artifact", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                });
    }

    private static ChurnModelInfo info(Readable row) {
        Double auc = row.get("auc", Double.class);
        return new ChurnModelInfo(row.get("version", Integer.class), auc == null ? OptionalDouble.empty() : OptionalDouble.of(auc),
                row.get("precision", Double.class), row.get("recall", Double.class), row.get("training_rows", Integer.class),
                row.get("test_rows", Integer.class), row.get("churned_share", Double.class), instant(row, "cutoff"),
                row.get("window_days", Integer.class), instant(row, "trained_at"));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
