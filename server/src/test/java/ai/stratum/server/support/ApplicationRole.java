package ai.stratum.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC as the application's database role, past the service layer, for tests that prove
 * row-level security and grants hold on their own.
 */
public final class ApplicationRole {

    private ApplicationRole() {
    }

    /** @return a connection in an open transaction as {@code stratum_app}, scoped to the tenant */
    public static Connection scopedTo(UUID tenant) throws SQLException {
        Connection connection = TestDatabase.ownerConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement scope = connection.prepareStatement(
                "SELECT set_config('role', 'stratum_app', true), set_config('stratum.tenant_id', ?, true)")) {
            scope.setString(1, tenant.toString());
            scope.execute();
        }
        return connection;
    }

    /** Runs an INSERT, UPDATE or DELETE with positional parameters. */
    public static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** @return the first column of every row the query gives, as text */
    public static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
