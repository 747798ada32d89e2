package ai.stratum.server.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates and evolves the schema with Flyway, over JDBC, before the application opens its R2DBC pool. */
public final class Migrations {

    private Migrations() {
    }

    public static MigrateResult migrate(DatabaseUrl url) {
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
