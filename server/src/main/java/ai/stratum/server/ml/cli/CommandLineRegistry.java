package ai.stratum.server.ml.cli;

import ai.stratum.server.config.StratumHome;
import ai.stratum.server.database.DatabaseServer;
import ai.stratum.server.database.DatabaseServers;
import ai.stratum.server.database.DatabaseUrl;
import ai.stratum.server.database.Migrations;
import ai.stratum.server.ml.models.ModelInfo;
import ai.stratum.server.ml.models.ModelRegistrySql;
import ai.stratum.server.ml.models.ModelSource;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a model trained on the command line as a tenant's active version, in the database the server
 * uses ({@code DATABASE_URL}, or the embedded one under {@code STRATUM_HOME}, which must then not be in
 * use by a running server). Over JDBC, as the application role scoped to the tenant, with the server's
 * own statements; running servers pick the new version up within their active-model cache's lifetime
 * ({@code stratum.ml.active-model-ttl}, 30 s).
 */
final class CommandLineRegistry {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private final Map<String, String> env;

    CommandLineRegistry(Map<String, String> env) {
        this.env = env;
    }

    /** @return the new version */
    int register(UUID tenant, ModelType type, byte[] artifact, ModelMetrics metrics, int trainingRows, int testRows) {
        try (DatabaseServer server = DatabaseServers.fromEnvironment(env, StratumHome.from(env))) {
            DatabaseUrl url = server.url();
            Migrations.migrate(url);
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                connection.setAutoCommit(false);
                try {
                    execute(connection, "SELECT set_config('role', 'stratum_app', true), set_config('stratum.tenant_id', $1, true), "
                            + "set_config('stratum.system', 'off', true)", tenant.toString());
                    execute(connection, ModelRegistrySql.LOCK, tenant.toString(), type.name());
                    execute(connection, ModelRegistrySql.RETIRE, tenant, type.name());
                    int version;
                    try (PreparedStatement insert = prepare(connection, ModelRegistrySql.INSERT, tenant, type.name(), metrics.toJson(),
                            trainingRows, testRows, ModelSource.CSV.name(), null, artifact, ModelInfo.revisionOf(artifact), null);
                         ResultSet result = insert.executeQuery()) {
                        result.next();
                        version = result.getInt("version");
                    }
                    connection.commit();
                    return version;
                } catch (SQLException e) {
                    connection.rollback();
                    if ("23503".equals(e.getSQLState())) {
                        throw new IllegalArgumentException("--tenant " + tenant + ": no such tenant in " + url.redacted());
                    }
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not register the model: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
    }

    /** JDBC wants {@code ?} in order of appearance where the shared statements say {@code $n}, repeats included. */
    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Object> ordered = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (matcher.find()) {
            ordered.add(parameters[Integer.parseInt(matcher.group(1)) - 1]);
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        PreparedStatement statement = connection.prepareStatement(jdbc.toString());
        for (int i = 0; i < ordered.size(); i++) {
            Object value = ordered.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
