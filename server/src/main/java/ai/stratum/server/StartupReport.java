package ai.stratum.server;

import ai.stratum.server.plugins.InstalledPlugin;
import ai.stratum.server.plugins.PluginRegistry;
import ai.stratum.server.redis.CoordinationMode;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The start-up lines an operator looks for: what storage is in use and where to point a browser. */
@Singleton
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final String database;
    private final CoordinationMode coordination;
    private final PluginRegistry plugins;

    StartupReport(@Value("${stratum.database.description:PostgreSQL}") String database, CoordinationMode coordination,
                  PluginRegistry plugins) {
        this.database = database;
        this.coordination = coordination;
        this.plugins = plugins;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        String base = event.getSource().getURL().toString().replaceFirst("/$", "");
        Map<InstalledPlugin.State, Long> states = plugins.plugins().stream()
                .collect(Collectors.groupingBy(InstalledPlugin::state, () -> new EnumMap<>(InstalledPlugin.State.class), Collectors.counting()));
        LOG.info("event=started database=\"{}\" cache_pubsub_locks=\"{}\" pluginsDir={} plugins={}",
                database, coordination.describe(), plugins.directory(), states);
        LOG.info("event=started graphql={}/graphql graphiql={}/graphiql websocket={}/graphql-ws health={}/health",
                base, base, base.replaceFirst("^http", "ws"), base);
    }
}
