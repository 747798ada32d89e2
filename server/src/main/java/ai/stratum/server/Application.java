package ai.stratum.server;

import ai.stratum.server.config.StratumHome;
import ai.stratum.server.database.DatabaseServer;
import ai.stratum.server.database.DatabaseServers;
import ai.stratum.server.database.Migrations;
import ai.stratum.server.demo.DemoSandbox;
import ai.stratum.server.ml.cli.MlCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Stratum: the database first (embedded unless {@code DATABASE_URL} names one), its
 * migrations, the sandbox of simulated ad platforms when the demo is on, then the Micronaut
 * application on top. With {@code ml} as the first argument it runs the ML command line instead
 * ({@link MlCommand}) and exits, without starting the server.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "ml".equals(args[0])) {
            // before anything logs: the command's JSON owns standard output
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(new MlCommand(System.out, System.err, System.getenv()).run(Arrays.asList(args).subList(1, args.length)));
        }
        Logger log = LoggerFactory.getLogger(Application.class);
        Map<String, String> env = System.getenv();
        StratumHome home = StratumHome.from(env);
        DatabaseServer database = DatabaseServers.fromEnvironment(env, home);
        Optional<DemoSandbox> demo = Optional.empty();
        try {
            var migrated = Migrations.migrate(database.url());
            log.info("event=database_ready database=\"{}\" migrationsApplied={} schemaVersion={}",
                    database.description(), migrated.migrationsExecuted, migrated.targetSchemaVersion);
            demo = DemoSandbox.start(env);
            Map<String, Object> properties = new HashMap<>(RuntimeProperties.of(home, database));
            demo.ifPresent(sandbox -> {
                properties.putAll(sandbox.properties());
                log.info("event=sandbox_started platforms=\"{}\"", sandbox.description());
            });
            ApplicationContext context = Micronaut.build(args)
                    .mainClass(Application.class)
                    .properties(properties)
                    .start();
            Optional<DemoSandbox> running = demo;
            EmbeddedApplication<?> application = context.getBean(EmbeddedApplication.class);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Micronaut's own hook stops the application concurrently. Stopping it here too, through
                // the application rather than the context, takes the two locks in Micronaut's order (the
                // server's, then the context's): whichever hook comes second waits for the first to
                // finish, so the database closes only once nothing uses it, and the hooks cannot deadlock.
                application.stop();
                running.ifPresent(DemoSandbox::close);
                database.close();
            }, "stratum-shutdown"));
        } catch (RuntimeException e) {
            demo.ifPresent(DemoSandbox::close);
            database.close();
            throw e;
        }
    }
}
