package ai.stratum.server.connectors;

import ai.stratum.server.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    private static Connection scopedTo(UUID tenant) throws SQLException {
        Connection connection = TestDatabase.ownerConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement scope = connection.prepareStatement(
                "SELECT set_config('role', 'stratum_app', true), set_config('stratum.tenant_id', ?, true)")) {
            scope.setString(1, tenant.toString());
            scope.execute();
        }
        return connection;
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
