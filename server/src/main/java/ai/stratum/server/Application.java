package ai.stratum.server;

import ai.stratum.server.config.StratumHome;
import ai.stratum.server.database.DatabaseServer;
import ai.stratum.server.database.DatabaseServers;
import ai.stratum.server.database.Migrations;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Starts Stratum: the database first (embedded unless {@code DATABASE_URL} names one), its
 * migrations, then the Micronaut application on top.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        StratumHome home = StratumHome.from(env);
        DatabaseServer database = DatabaseServers.fromEnvironment(env, home);
        try {
            var migrated = Migrations.migrate(database.url());
            LOG.info("event=database_ready database=\"{}\" migrationsApplied={} schemaVersion={}",
                    database.description(), migrated.migrationsExecuted, migrated.targetSchemaVersion);
            ApplicationContext context = Micronaut.build(args)
                    .mainClass(Application.class)
                    .properties(RuntimeProperties.of(home, database))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (context.isRunning()) {
                    context.stop();
                }
                database.close();
            }, "stratum-shutdown"));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
