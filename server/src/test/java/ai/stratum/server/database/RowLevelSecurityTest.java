package ai.stratum.server.database;

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
 * The second wall: straight SQL as the application role, with no service layer in between, still
 * sees and writes only the scoped tenant's rows, and cannot rewrite the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @BeforeAll
    void twoTenantsWithOneUserEach() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            for (UUID tenant : List.of(tenantA, tenantB)) {
                update(owner, "INSERT INTO tenants (id, name, currency, timezone) VALUES (?, ?, 'USD', 'UTC')", tenant, "rls-" + tenant);
                update(owner, "INSERT INTO users (tenant_id, email, password_hash, role) VALUES (?, ?, 'x', 'VIEWER')",
                        tenant, "rls-" + tenant + "@stratum.test");
                update(owner, "INSERT INTO audit_events (tenant_id, action) VALUES (?, 'test.seeded')", tenant);
                update(owner, "INSERT INTO trust_gate_audit_log (tenant_id, decision_type, action_type) VALUES (?, 'BLOCK', 'INCREASE_BUDGET')",
                        tenant);
                update(owner, "INSERT INTO account_signals (tenant_id, platform, account_id) VALUES (?, 'META', 'act_rls')", tenant);
            }
        }
    }

    @Test
    void theApplicationRoleSeesOnlyTheScopedTenant() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            List<String> tenantIds = column(connection, "SELECT DISTINCT tenant_id::text FROM users");
            List<String> tenantNames = column(connection, "SELECT name FROM tenants");

            assertThat(tenantIds).containsExactly(tenantA.toString());
            assertThat(tenantNames).containsExactly("rls-" + tenantA);
        }
    }

    @Test
    void withoutAScopeTheApplicationRoleSeesNothing() throws SQLException {
        try (Connection connection = TestDatabase.ownerConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SET LOCAL ROLE stratum_app");

            assertThat(column(connection, "SELECT id::text FROM users")).isEmpty();
        }
    }

    @Test
    void writingIntoAnotherTenantIsRefused() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection,
                    "INSERT INTO users (tenant_id, email, password_hash, role) VALUES (?, 'intruder@stratum.test', 'x', 'VIEWER')", tenantB))
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void updatesCannotMoveRowsToAnotherTenant() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "UPDATE users SET tenant_id = ? WHERE tenant_id = ?", tenantB, tenantA))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void trustEngineTablesAreScopedToo() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThat(column(connection, "SELECT DISTINCT tenant_id::text FROM account_signals")).containsExactly(tenantA.toString());
            assertThat(column(connection, "SELECT DISTINCT tenant_id::text FROM trust_gate_audit_log")).containsExactly(tenantA.toString());
        }
    }

    @Test
    void theTrustGateAuditLogIsAppendOnly() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "UPDATE trust_gate_audit_log SET decision_type = 'EXECUTE'"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "DELETE FROM trust_gate_audit_log"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theAuditTrailIsAppendOnly() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "UPDATE audit_events SET action = 'rewritten'"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "DELETE FROM audit_events"))
                    .hasMessageContaining("permission denied");
        }
    }
}
