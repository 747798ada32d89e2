package ai.stratum.server.database;

import ai.stratum.server.config.StratumHome;

import java.util.Map;

/** Chooses the database: {@code DATABASE_URL} when set, otherwise the embedded one under the home directory. */
public final class DatabaseServers {

    private DatabaseServers() {
    }

    public static DatabaseServer fromEnvironment(Map<String, String> env, StratumHome home) {
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new ExternalDatabase(DatabaseUrl.parse(url));
        }
        return EmbeddedDatabase.start(home.directory("pg"));
    }
}
