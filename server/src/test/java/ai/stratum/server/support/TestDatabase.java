package ai.stratum.server.support;

import ai.stratum.server.database.DatabaseUrl;
import ai.stratum.server.database.Migrations;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real, migrated PostgreSQL database of this test run's own: in a Testcontainers container
 * where Docker is available, otherwise a fresh database on the server named by
 * {@code STRATUM_TEST_DATABASE_URL} (default: the local one), dropped when the run ends.
 */
public final class TestDatabase {

    private static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";
    private static DatabaseUrl url;

    private TestDatabase() {
    }

    public static synchronized DatabaseUrl url() {
        if (url == null) {
            url = create();
            Migrations.migrate(url);
        }
        return url;
    }

    /** A connection as the migrating (owner) user: bypasses the service layer, as RLS tests need. */
    public static Connection ownerConnection() throws SQLException {
        DatabaseUrl database = url();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static DatabaseUrl create() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return DatabaseUrl.parse("postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                    + container.getHost() + ":" + container.getMappedPort(5432) + "/" + container.getDatabaseName());
        }
        String configured = System.getenv("STRATUM_TEST_DATABASE_URL");
        DatabaseUrl server = DatabaseUrl.parse(configured == null || configured.isBlank() ? DEFAULT_URL : configured);
        String name = "stratum_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(server, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return server.withDatabase(name);
    }

    private static void execute(DatabaseUrl server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + server.redacted() + ": " + e.getMessage(), e);
        }
    }
}
