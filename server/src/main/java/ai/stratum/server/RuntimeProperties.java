package ai.stratum.server;

import ai.stratum.server.config.StratumHome;
import ai.stratum.server.database.DatabaseServer;
import ai.stratum.server.database.DatabaseUrl;

import java.util.HashMap;
import java.util.Map;

/** The properties that tie the Micronaut application to the database chosen at start. */
public final class RuntimeProperties {

    private RuntimeProperties() {
    }

    public static Map<String, Object> of(StratumHome home, DatabaseServer database) {
        Map<String, Object> properties = new HashMap<>(database(database.url()));
        properties.put("stratum.home", home.path().toString());
        properties.put("stratum.database.description", database.description());
        return properties;
    }

    public static Map<String, Object> database(DatabaseUrl url) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("r2dbc.datasources.default.url", url.r2dbcUrl());
        properties.put("r2dbc.datasources.default.username", url.user());
        properties.put("r2dbc.datasources.default.password", url.password());
        properties.put("stratum.database.description", url.redacted());
        return properties;
    }
}
