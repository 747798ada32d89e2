package ai.stratum.server.ml.models;

import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code training_jobs}. */
@Singleton
class TrainingJobRepository {

    private static final String COLUMNS = "id, model_type, status, stage, progress, metrics::text AS metrics, model_version, "
            + "training_rows, test_rows, error, created_at, started_at, finished_at";

    /** A new QUEUED job; fails with a data-integrity violation while another job of the type is open. */
    Mono<TrainingJob> insert(Connection connection, TenantId tenant, UUID id, ModelType type, UUID requestedBy) {
        return Sql.of(connection, "INSERT INTO training_jobs (tenant_id, id, model_type, status, stage, requested_by) "
                        + "VALUES ($1, $2, $3, 'QUEUED', 'queued', $4) RETURNING " + COLUMNS,
                tenant.value(), id, type.name(), requestedBy).row(TrainingJobRepository::job);
    }

    /** The open job of a type, if any. */
    Mono<TrainingJob> open(Connection connection, TenantId tenant, ModelType type) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM training_jobs WHERE tenant_id = $1 AND model_type = $2 "
                + "AND status IN ('QUEUED', 'RUNNING')", tenant.value(), type.name()).row(TrainingJobRepository::job);
    }

    /** Fails open jobs of a type whose server has not written to them for {@code silence}: it stopped. */
    Mono<Long> failAbandoned(Connection connection, TenantId tenant, ModelType type, Duration silence) {
        return Sql.of(connection, "UPDATE training_jobs SET status = 'FAILED', finished_at = now(), error = $3 "
                        + "WHERE tenant_id = $1 AND model_type = $2 AND status IN ('QUEUED', 'RUNNING') "
                        + "AND heartbeat_at < now() - make_interval(secs => $4)",
                tenant.value(), type.name(), "The server running this job stopped before it finished",
                (double) silence.toSeconds()).update();
    }

    Mono<Long> start(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "UPDATE training_jobs SET status = 'RUNNING', started_at = now(), heartbeat_at = now(), "
                + "stage = 'starting' WHERE tenant_id = $1 AND id = $2 AND status = 'QUEUED'", tenant.value(), id).update();
    }

    Mono<Long> progress(Connection connection, TenantId tenant, UUID id, String stage, double progress) {
        return Sql.of(connection, "UPDATE training_jobs SET stage = $3, progress = greatest(progress, $4), heartbeat_at = now() "
                + "WHERE tenant_id = $1 AND id = $2 AND status = 'RUNNING'", tenant.value(), id, stage, progress).update();
    }

    Mono<Long> heartbeat(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "UPDATE training_jobs SET heartbeat_at = now() WHERE tenant_id = $1 AND id = $2 "
                + "AND status IN ('QUEUED', 'RUNNING')", tenant.value(), id).update();
    }

    Mono<Long> succeed(Connection connection, TenantId tenant, UUID id, int version, ModelMetrics metrics,
                       int trainingRows, int testRows) {
        return Sql.of(connection, "UPDATE training_jobs SET status = 'SUCCEEDED', stage = 'done', progress = 1, "
                        + "finished_at = now(), heartbeat_at = now(), model_version = $3, metrics = $4::jsonb, "
                        + "training_rows = $5, test_rows = $6 WHERE tenant_id = $1 AND id = $2",
                tenant.value(), id, version, metrics.toJson(), trainingRows, testRows).update();
    }

    Mono<Long> fail(Connection connection, TenantId tenant, UUID id, String error) {
        return Sql.of(connection, "UPDATE training_jobs SET status = 'FAILED', finished_at = now(), heartbeat_at = now(), "
                        + "error = $3 WHERE tenant_id = $1 AND id = $2 AND status IN ('QUEUED', 'RUNNING')",
                tenant.value(), id, error).update();
    }

    Mono<TrainingJob> find(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM training_jobs WHERE tenant_id = $1 AND id = $2",
                tenant.value(), id).row(TrainingJobRepository::job);
    }

    private static TrainingJob job(Readable row) {
        return new TrainingJob(row.get("id", UUID.class), ModelType.valueOf(row.get("model_type", String.class)),
                TrainingStatus.valueOf(row.get("status", String.class)), row.get("stage", String.class),
                row.get("progress", Double.class),
                Optional.ofNullable(row.get("metrics", String.class)).map(ModelMetrics::fromJson),
                Optional.ofNullable(row.get("model_version", Integer.class)),
                Optional.ofNullable(row.get("training_rows", Integer.class)),
                Optional.ofNullable(row.get("test_rows", Integer.class)),
                Optional.ofNullable(row.get("error", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("started_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
