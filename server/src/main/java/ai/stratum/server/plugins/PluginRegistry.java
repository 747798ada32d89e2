package ai.stratum.server.plugins;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PluginApi;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector plugins of this server: loaded from the plugins directory at start, each one
 * isolated (a plugin that fails is listed FAILED with its reason and the server runs on), and
 * stopped at shutdown.
 *
 * <p>After construction the registry is read-only and safe to use from any thread; lookups return
 * extension instances created once at start.
 */
@Context
public class PluginRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Path directory;
    private final String apiVersion;
    private final StratumPluginManager manager;
    private final List<InstalledPlugin> plugins;
    private volatile ConnectorIndex connectors;
    private boolean closed;

    /**
     * Loads the plugins of the configured directory ({@code stratum.plugins.dir}), or of the
     * build's default when that is blank.
     */
    @Inject
    public PluginRegistry(@Value("${stratum.plugins.dir:}") String configuredDirectory) {
        this(PluginsDirectory.resolve(configuredDirectory), PluginApi.VERSION);
    }

    /**
     * Loads and starts every plugin in a directory.
     *
     * @param directory  the plugins directory; a missing directory means no plugins
     * @param apiVersion the plugin API version that plugins' {@code Plugin-Requires} must accept
     */
    public PluginRegistry(Path directory, String apiVersion) {
        this.directory = directory.toAbsolutePath().normalize();
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        this.manager = new StratumPluginManager(this.directory, apiVersion);
        PluginBootstrap.Result result = new PluginBootstrap(manager).run(candidates(this.directory));
        this.plugins = result.plugins();
        this.connectors = result.connectors();
        logStartup();
    }

    /**
     * Every plugin found in the directory, in file-name order, with what became of it.
     *
     * @return the plugins, including failed and disabled ones
     */
    public List<InstalledPlugin> plugins() {
        return plugins;
    }

    /**
     * A plugin by id.
     *
     * @param pluginId the plugin id (for a jar that could not be read, its file name)
     * @return the plugin, or empty when none has that id
     */
    public Optional<InstalledPlugin> plugin(String pluginId) {
        return plugins.stream().filter(plugin -> plugin.id().equals(pluginId)).findFirst();
    }

    /**
     * The connectors of the started plugins.
     *
     * @return their descriptors, in plugin order
     */
    public List<ConnectorDescriptor> connectors() {
        return connectors.descriptors();
    }

    /**
     * A connector of a started plugin.
     *
     * @param connectorId the connector id, for example {@code meta-marketing}
     * @return its descriptor, or empty when no started plugin provides it
     */
    public Optional<ConnectorDescriptor> connector(String connectorId) {
        return connectors.descriptor(connectorId);
    }

    /**
     * The extensions of one type that serve an ad platform, for example the
     * {@code SignalCollector}s for Meta.
     *
     * @param platform the ad platform
     * @param type     the extension point
     * @param <T>      the extension point type
     * @return the extensions, in plugin order; empty when no started plugin serves the platform
     */
    public <T extends ConnectorExtension> List<T> extensions(Platform platform, Class<T> type) {
        return connectors.byPlatform(platform, type);
    }

    /**
     * The extensions of one type that serve a connector, for example the {@code CrmConnector} of
     * {@code hubspot-crm}.
     *
     * @param connectorId the connector id
     * @param type        the extension point
     * @param <T>         the extension point type
     * @return the extensions; empty when no started plugin provides them
     */
    public <T extends ConnectorExtension> List<T> extensions(String connectorId, Class<T> type) {
        return connectors.byConnector(connectorId, type);
    }

    /**
     * The directory plugins were loaded from.
     *
     * @return the absolute path
     */
    public Path directory() {
        return directory;
    }

    /**
     * The plugin API version plugins were checked against.
     *
     * @return for example {@code 1.0.0}
     */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * Stops the started plugins, last started first, and releases their class loaders. Each one
     * is stopped on its own, so a plugin that throws in {@code stop()} does not keep the others
     * running. Afterwards no extension is returned.
     */
    @PreDestroy
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        connectors = ConnectorIndex.EMPTY;
        // a reversed copy: PF4J's own stopPlugins() iterates the list it modifies (pf4j issue 656)
        List<PluginWrapper> started = List.copyOf(manager.getStartedPlugins());
        for (int i = started.size() - 1; i >= 0; i--) {
            if (discard(started.get(i).getPluginId())) {
                LOG.info("plugin stopped id={}", started.get(i).getPluginId());
            }
        }
        // disabled plugins were loaded too; unloading them releases their jars
        manager.getPlugins().stream().map(PluginWrapper::getPluginId).toList().forEach(this::discard);
    }

    private boolean discard(String pluginId) {
        try {
            manager.discard(pluginId);
            return true;
        } catch (Exception | LinkageError e) {
            // shutting down: the remaining plugins must still be stopped
            LOG.warn("plugin stop failed id={} error=\"{}\"", pluginId, FailureReason.of(e));
            return false;
        }
    }

    private static List<Path> candidates(Path directory) {
        try {
            return PluginsDirectory.candidates(directory);
        } catch (IOException e) {
            // An unreadable plugins directory must not stop the server; it runs without plugins and says why.
            LOG.error("plugins directory unreadable dir={} error=\"{}\"", directory, FailureReason.of(e));
            return List.of();
        }
    }

    private void logStartup() {
        for (InstalledPlugin plugin : plugins) {
            switch (plugin.state()) {
                case STARTED -> LOG.info("plugin loaded id={} version={} state=STARTED file={} extensions={} connectors={}",
                        plugin.id(), plugin.version(), plugin.file(), String.join(",", plugin.extensionPoints()),
                        plugin.connectors().stream().map(ConnectorDescriptor::connectorId).collect(Collectors.joining(",")));
                case DISABLED -> LOG.info("plugin disabled id={} version={} state=DISABLED file={}",
                        plugin.id(), plugin.version(), plugin.file());
                case FAILED -> LOG.warn("plugin failed id={} version={} state=FAILED file={} error=\"{}\"",
                        plugin.id(), plugin.version(), plugin.file(), plugin.error().replace("\"", "'"));
            }
        }
        LOG.info("plugins dir={} apiVersion={} found={} started={} failed={} disabled={}",
                directory, apiVersion, plugins.size(), count(InstalledPlugin.State.STARTED),
                count(InstalledPlugin.State.FAILED), count(InstalledPlugin.State.DISABLED));
    }

    private long count(InstalledPlugin.State state) {
        return plugins.stream().filter(plugin -> plugin.state() == state).count();
    }
}
