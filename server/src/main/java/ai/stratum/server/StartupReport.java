package ai.stratum.server;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The start-up lines an operator looks for: what storage is in use and where to point a browser. */
@Singleton
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final String database;

    StartupReport(@Value("${stratum.database.description:PostgreSQL}") String database) {
        this.database = database;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        String base = event.getSource().getURL().toString().replaceFirst("/$", "");
        LOG.info("event=started database=\"{}\"", database);
        LOG.info("event=started graphql={}/graphql graphiql={}/graphiql websocket={}/graphql-ws health={}/health",
                base, base, base.replaceFirst("^http", "ws"), base);
    }
}
