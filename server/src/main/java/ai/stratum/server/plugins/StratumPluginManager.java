package ai.stratum.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * PF4J configured for Stratum: plugins are loaded one path at a time so a broken one cannot stop
 * the others, checked against the plugin API version, created by {@link StrictPluginFactory} and
 * given {@link ApiFirstPluginClassLoader}s. Plugins whose dependencies are missing are dropped
 * rather than failing the whole resolution.
 *
 * <p>Like PF4J itself, not thread-safe: {@link PluginBootstrap} drives it from one thread at start,
 * and {@link PluginRegistry} at shutdown.
 */
final class StratumPluginManager extends DefaultPluginManager {

    private final Map<String, String> incompatibilities = new HashMap<>();

    StratumPluginManager(Path pluginsDirectory, String pluginApiVersion) {
        super(pluginsDirectory);
        setSystemVersion(pluginApiVersion);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * Reads the plugin at the path and creates its class loader, without resolving dependencies
     * (that waits until every plugin is loaded, so load order does not matter).
     */
    PluginWrapper load(Path path) {
        if (Files.isRegularFile(path)) {
            requireReadableJar(path);
        }
        PluginWrapper wrapper = loadPluginFromPath(path);
        if (wrapper == null) {
            throw new PluginRuntimeException("cannot unpack plugin archive {}", path.getFileName());
        }
        return wrapper;
    }

    /** Resolves dependencies among the loaded plugins, unloading those whose dependencies are missing. */
    void resolve() {
        resolvePlugins();
    }

    /**
     * Why a loaded plugin may not run on this plugin API version.
     *
     * @return the reason, or empty when its {@code Plugin-Requires} is met
     */
    Optional<String> incompatibility(String pluginId) {
        return Optional.ofNullable(incompatibilities.get(pluginId));
    }

    /** Stops (when started) and unloads a plugin, so its class loader and jar are released. */
    void discard(String pluginId) {
        if (getPlugin(pluginId) == null) {
            return;
        }
        try {
            if (getPlugin(pluginId).getPluginState() == PluginState.STARTED) {
                stopPlugin(pluginId);
            }
        } finally {
            // no re-resolution here: the bootstrap checks dependents itself, and re-resolving
            // while a dependency cycle remains would throw
            unloadPlugin(pluginId, false, false);
        }
    }

    @Override
    protected boolean isPluginValid(PluginWrapper wrapper) {
        boolean valid = super.isPluginValid(wrapper);
        if (!valid) {
            incompatibilities.put(wrapper.getPluginId(), "requires plugin API "
                    + wrapper.getDescriptor().getRequires() + " but this server provides " + getSystemVersion());
        }
        return valid;
    }

    // PF4J reports a path without a descriptor only as "No PluginDescriptorFinder for plugin <path>".
    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        PluginDescriptorFinder finders = super.createPluginDescriptorFinder();
        return new PluginDescriptorFinder() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return finders.isApplicable(pluginPath);
            }

            @Override
            public PluginDescriptor find(Path pluginPath) {
                try {
                    return finders.find(pluginPath);
                } catch (PluginRuntimeException e) {
                    throw new PluginRuntimeException(
                            "{} has no plugin descriptor (a manifest with Plugin-Id, or plugin.properties)",
                            pluginPath.getFileName());
                }
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new StrictPluginFactory();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                        PluginClassLoader loader = new ApiFirstPluginClassLoader(
                                pluginManager, descriptor, StratumPluginManager.class.getClassLoader());
                        loader.addFile(pluginPath.toFile());
                        return loader;
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new ApiFirstPluginClassLoader(
                                pluginManager, descriptor, StratumPluginManager.class.getClassLoader());
                    }
                });
    }

    // PF4J reports an unreadable jar only as "No PluginDescriptorFinder for plugin"; say what is wrong.
    private static void requireReadableJar(Path path) {
        try (JarFile ignored = new JarFile(path.toFile())) {
            // opening reads the central directory, which is what a corrupt or truncated jar lacks
        } catch (IOException e) {
            throw new PluginRuntimeException("{} is not a readable jar ({})", path.getFileName(), e.getMessage());
        }
    }
}
