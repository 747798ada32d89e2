package ai.stratum.server.plugins;

import ai.stratum.plugin.api.PluginApi;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that takes the plugin API from the server, always. PF4J loads a plugin's
 * own classes first; a plugin jar that bundles its own copy of {@code plugin-api} (a compile
 * instead of provided dependency) would then define a second {@code PlatformInfo} that the server
 * does not recognise, and its extensions would silently vanish.
 */
final class ApiFirstPluginClassLoader extends PluginClassLoader {

    private static final String API_PACKAGE_PREFIX = PluginApi.class.getPackageName() + ".";

    static {
        registerAsParallelCapable();
    }

    ApiFirstPluginClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader parent) {
        super(pluginManager, descriptor, parent);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (className.startsWith(API_PACKAGE_PREFIX)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
    }
}
