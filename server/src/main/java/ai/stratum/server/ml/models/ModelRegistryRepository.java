package ai.stratum.server.ml.models;

import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of {@code model_registry}. Registering and activating take a transaction-scoped advisory lock on
 * the tenant and type first ({@link ModelRegistrySql}), so concurrent registrations number their versions
 * one after the other and never leave two versions active.
 */
@Singleton
class ModelRegistryRepository {

    private static final String COLUMNS = "model_type, version, active, metrics::text AS metrics, training_rows, test_rows, "
            + "source, training_job_id, revision, created_at";

    /** Stores a new version as the active one; returns it. */
    Mono<ModelInfo> register(Connection connection, TenantId tenant, ModelType type, byte[] artifact, ModelMetrics metrics,
                             int trainingRows, int testRows, ModelSource source, Optional<UUID> trainingJobId,
                             Optional<UUID> createdBy) {
        String revision = ModelInfo.revisionOf(artifact);
        return lock(connection, tenant, type)
                .then(Sql.of(connection, ModelRegistrySql.RETIRE, tenant.value(), type.name()).update())
                .then(Sql.of(connection, ModelRegistrySql.INSERT, tenant.value(), type.name(), metrics.toJson(), trainingRows, testRows,
                                source.name(), Sql.nullable(trainingJobId.orElse(null), UUID.class), ByteBuffer.wrap(artifact),
                                revision, Sql.nullable(createdBy.orElse(null), UUID.class))
                        .row(row -> new ModelInfo(type, ModelScope.TENANT, row.get("version", Integer.class), true, revision,
                                metrics, trainingRows, testRows, source, trainingJobId,
                                row.get("created_at", OffsetDateTime.class).toInstant())));
    }

    /** Makes one version the active one; empty when there is no such version. */
    Mono<ModelInfo> activate(Connection connection, TenantId tenant, ModelType type, int version) {
        return lock(connection, tenant, type)
                .then(find(connection, tenant, type, version))
                .flatMap(found -> Sql.of(connection, ModelRegistrySql.RETIRE, tenant.value(), type.name()).update()
                        .then(Sql.of(connection, "UPDATE model_registry SET active = true WHERE tenant_id = $1 "
                                + "AND model_type = $2 AND version = $3", tenant.value(), type.name(), version).update())
                        .thenReturn(found.withActive(true)));
    }

    /** The active version, without its artifact. */
    Mono<ModelInfo> active(Connection connection, TenantId tenant, ModelType type) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM model_registry WHERE tenant_id = $1 AND model_type = $2 AND active",
                tenant.value(), type.name()).row(ModelRegistryRepository::info);
    }

    Mono<ModelInfo> find(Connection connection, TenantId tenant, ModelType type, int version) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM model_registry WHERE tenant_id = $1 AND model_type = $2 "
                + "AND version = $3", tenant.value(), type.name(), version).row(ModelRegistryRepository::info);
    }

    Mono<byte[]> artifact(Connection connection, TenantId tenant, ModelType type, int version) {
        return Sql.of(connection, "SELECT artifact FROM model_registry WHERE tenant_id = $1 AND model_type = $2 AND version = $3",
                        tenant.value(), type.name(), version)
                .row(row -> {
                    ByteBuffer buffer = row.get("artifact", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                });
    }

    /** Versions below {@code beforeVersion} (all when empty), newest first, at most {@code limit}. */
    Flux<ModelInfo> page(Connection connection, TenantId tenant, ModelType type, Optional<Integer> beforeVersion, int limit) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM model_registry WHERE tenant_id = $1 AND model_type = $2 "
                        + "AND version < $3 ORDER BY version DESC LIMIT $4",
                tenant.value(), type.name(), beforeVersion.orElse(Integer.MAX_VALUE), limit).rows(ModelRegistryRepository::info);
    }

    Mono<Long> count(Connection connection, TenantId tenant, ModelType type) {
        return Sql.of(connection, "SELECT count(*) AS n FROM model_registry WHERE tenant_id = $1 AND model_type = $2",
                tenant.value(), type.name()).row(row -> row.get("n", Long.class));
    }

    private static Mono<Long> lock(Connection connection, TenantId tenant, ModelType type) {
        return Sql.of(connection, ModelRegistrySql.LOCK, tenant.toString(), type.name()).update();
    }

    private static ModelInfo info(Readable row) {
        return new ModelInfo(ModelType.valueOf(row.get("model_type", String.class)), ModelScope.TENANT,
                row.get("version", Integer.class), row.get("active", Boolean.class), row.get("revision", String.class),
                ModelMetrics.fromJson(row.get("metrics", String.class)), row.get("training_rows", Integer.class),
                row.get("test_rows", Integer.class), ModelSource.valueOf(row.get("source", String.class)),
                Optional.ofNullable(row.get("training_job_id", UUID.class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
