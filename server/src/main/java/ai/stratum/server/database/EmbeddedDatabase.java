package ai.stratum.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL started by this process from binaries shipped through Maven, its data kept
 * in a directory so it survives restarts. The zero-configuration default.
 */
final class EmbeddedDatabase implements DatabaseServer {

    private static final String DATABASE = "stratum";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DatabaseUrl url;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.url = new DatabaseUrl("127.0.0.1", postgres.getPort(), DATABASE, "postgres", "", java.util.Map.of());
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the '" + DATABASE + "' database in the embedded PostgreSQL", e);
        }
    }

    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }
}
