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

    /** The JVM's setting for the common fork-join pool's size, read once when the pool is first used. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        useCommonPoolForAsyncCompletions();
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

    /**
     * The JDK's HTTP client completes every {@code sendAsync} on {@link java.util.concurrent.CompletableFuture}'s
     * default executor, the common fork-join pool, unless that pool has a single worker (its default on a
     * machine with one or two cores), when it starts a new thread per completion instead. Every platform
     * request of a sync then paid for a thread, and its continuation (the plugin's parsing) ran without any
     * of the per-thread caches. Two workers make it the pool. Must run before anything uses the pool; a
     * value set on the command line wins.
     */
    static void useCommonPoolForAsyncCompletions() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }
}
