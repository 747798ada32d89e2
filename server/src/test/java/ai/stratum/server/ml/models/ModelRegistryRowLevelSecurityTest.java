package ai.stratum.server.ml.models;

import ai.stratum.server.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static ai.stratum.server.support.ApplicationRole.column;
import static ai.stratum.server.support.ApplicationRole.scopedTo;
import static ai.stratum.server.support.ApplicationRole.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's tables behind the service layer: the application role sees and writes only the scoped
 * tenant's models and jobs, and the database itself keeps one active version per tenant and type and one
 * open job per tenant and type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRegistryRowLevelSecurityTest {

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @BeforeAll
    void twoTenantsWithAModelAndAJobEach() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            for (UUID tenant : List.of(tenantA, tenantB)) {
                update(owner, "INSERT INTO tenants (id, name, currency, timezone) VALUES (?, ?, 'USD', 'UTC')", tenant, "ml-rls-" + tenant);
                update(owner, "INSERT INTO model_registry (tenant_id, model_type, version, active, metrics, training_rows, test_rows, "
                        + "source, artifact, revision) VALUES (?, 'ROAS', 1, true, '{}', 1, 1, 'CSV', '\\x00', '0123456789abcdef')", tenant);
                update(owner, "INSERT INTO training_jobs (tenant_id, id, model_type, status, stage, finished_at) "
                        + "VALUES (?, ?, 'ROAS', 'FAILED', 'done', now())", tenant, UUID.randomUUID());
            }
        }
    }

    @Test
    void theApplicationRoleSeesOnlyTheScopedTenantsModelsAndJobs() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThat(column(connection, "SELECT DISTINCT tenant_id::text FROM model_registry")).containsExactly(tenantA.toString());
            assertThat(column(connection, "SELECT DISTINCT tenant_id::text FROM training_jobs")).containsExactly(tenantA.toString());
        }
    }

    @Test
    void itCannotRegisterAModelForAnotherTenant() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "INSERT INTO model_registry (tenant_id, model_type, version, active, metrics, "
                    + "training_rows, test_rows, source, artifact, revision) VALUES (?, 'CONVERSION', 1, false, '{}', 1, 1, 'CSV', "
                    + "'\\x00', '0123456789abcdef')", tenantB))
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void theDatabaseKeepsOneActiveVersionAndOneOpenJobPerTenantAndType() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            assertThatThrownBy(() -> update(owner, "INSERT INTO model_registry (tenant_id, model_type, version, active, metrics, "
                    + "training_rows, test_rows, source, artifact, revision) VALUES (?, 'ROAS', 2, true, '{}', 1, 1, 'CSV', '\\x00', "
                    + "'0123456789abcdef')", tenantA))
                    .hasMessageContaining("model_registry_one_active");
            update(owner, "INSERT INTO training_jobs (tenant_id, id, model_type, status, stage) VALUES (?, ?, 'CONVERSION', 'QUEUED', 'queued')",
                    tenantB, UUID.randomUUID());
            assertThatThrownBy(() -> update(owner, "INSERT INTO training_jobs (tenant_id, id, model_type, status, stage) "
                    + "VALUES (?, ?, 'CONVERSION', 'RUNNING', 'training')", tenantB, UUID.randomUUID()))
                    .hasMessageContaining("training_jobs_one_open");
        }
    }
}
