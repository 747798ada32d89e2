package ai.stratum.server.database;

import ai.stratum.server.config.StratumHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-configuration database: real PostgreSQL under STRATUM_HOME/pg, migrated, and still there after a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void keepsDataAcrossRestarts() throws SQLException {
        Map<String, String> env = Map.of("STRATUM_HOME", home.toString());

        try (DatabaseServer first = DatabaseServers.fromEnvironment(env, StratumHome.from(env))) {
            assertThat(first.description()).contains("embedded PostgreSQL").contains(home.resolve("pg").toString());
            assertThat(Migrations.migrate(first.url()).migrationsExecuted).isPositive();
            execute(first.url(), "INSERT INTO tenants (name, currency, timezone) VALUES ('Survivor', 'EUR', 'Europe/Berlin')");
        }

        try (DatabaseServer second = DatabaseServers.fromEnvironment(env, StratumHome.from(env))) {
            assertThat(Migrations.migrate(second.url()).migrationsExecuted).isZero();
            assertThat(count(second.url(), "SELECT count(*) FROM tenants WHERE name = 'Survivor'")).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseUrlIsUsedInsteadOfStartingOne() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://app:secret@db.internal:5432/stratum");

        try (DatabaseServer server = DatabaseServers.fromEnvironment(env, StratumHome.from(env))) {
            assertThat(server.url().host()).isEqualTo("db.internal");
            assertThat(server.description()).isEqualTo("postgresql://app:***@db.internal:5432/stratum");
        }
    }

    private static void execute(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static long count(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
