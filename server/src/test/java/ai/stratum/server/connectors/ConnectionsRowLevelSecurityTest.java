package ai.stratum.server.connectors;

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

/** The connections tables behind the second wall: straight SQL as the application role sees one tenant only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionsRowLevelSecurityTest {

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @BeforeAll
    void twoTenantsWithAConnectionAndARunEach() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            for (UUID tenant : List.of(tenantA, tenantB)) {
                UUID user = UUID.randomUUID();
                UUID connection = UUID.randomUUID();
                update(owner, "INSERT INTO tenants (id, name, currency, timezone) VALUES (?, ?, 'USD', 'UTC')", tenant, "rls-c-" + tenant);
                update(owner, "INSERT INTO users (tenant_id, id, email, password_hash, role) VALUES (?, ?, ?, 'x', 'MEDIA_BUYER')",
                        tenant, user, "rls-c-" + tenant + "@stratum.test");
                update(owner, "INSERT INTO connections (tenant_id, id, platform, account_id, display_name, status, credentials, "
                        + "credentials_nonce, credentials_key_id) VALUES (?, ?, 'META', 'act_rls', 'RLS', 'ACTIVE', '\\x00', "
                        + "'\\x000000000000000000000000', 'k')", tenant, connection);
                update(owner, "INSERT INTO sync_runs (tenant_id, id, connection_id, status, range_from, range_to) "
                        + "VALUES (?, ?, ?, 'RUNNING', current_date, current_date)", tenant, UUID.randomUUID(), connection);
                update(owner, "INSERT INTO oauth_states (tenant_id, state_hash, user_id, platform, account_id, display_name, redirect_uri, "
                        + "expires_at) VALUES (?, sha256(?::bytea), ?, 'META', 'act_rls', 'RLS', 'https://app.example/cb', now())",
                        tenant, tenant.toString(), user);
            }
        }
    }

    @Test
    void theApplicationRoleSeesOnlyTheScopedTenantsRows() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            for (String table : List.of("connections", "sync_runs", "oauth_states")) {
                assertThat(column(connection, "SELECT DISTINCT tenant_id::text FROM " + table)).as(table)
                        .containsExactly(tenantA.toString());
            }
        }
    }

    @Test
    void writingAConnectionIntoAnotherTenantIsRefused() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            assertThatThrownBy(() -> update(connection, "INSERT INTO connections (tenant_id, id, platform, account_id, display_name, status, "
                    + "credentials, credentials_nonce, credentials_key_id) VALUES (?, ?, 'META', 'act_x', 'X', 'ACTIVE', '\\x00', "
                    + "'\\x000000000000000000000000', 'k')", tenantB, UUID.randomUUID()))
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void oneRunningSyncPerConnection() throws SQLException {
        try (Connection connection = scopedTo(tenantA)) {
            UUID existing = UUID.fromString(column(connection, "SELECT connection_id::text FROM sync_runs").get(0));
            assertThatThrownBy(() -> update(connection, "INSERT INTO sync_runs (tenant_id, id, connection_id, status, range_from, range_to) "
                    + "VALUES (?, ?, ?, 'RUNNING', current_date, current_date)", tenantA, UUID.randomUUID(), existing))
                    .hasMessageContaining("sync_runs_one_running");
        }
    }
}
