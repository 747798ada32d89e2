package ai.stratum.server.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@code Plugin-Class}, failing with a reason an operator can act on. PF4J's
 * default factory logs the problem and returns null, which surfaces later as a bare
 * NullPointerException when the plugin is started.
 */
final class StrictPluginFactory implements PluginFactory {

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank()) {
            throw new PluginRuntimeException("the descriptor names no Plugin-Class");
        }
        Class<?> pluginClass = load(wrapper, className);
        int modifiers = pluginClass.getModifiers();
        if (!Plugin.class.isAssignableFrom(pluginClass) || Modifier.isAbstract(modifiers)
                || Modifier.isInterface(modifiers)) {
            throw new PluginRuntimeException("Plugin-Class '{}' is not a concrete subclass of {}",
                    className, Plugin.class.getName());
        }
        return instantiate(pluginClass.asSubclass(Plugin.class), wrapper);
    }

    private static Class<?> load(PluginWrapper wrapper, String className) {
        try {
            return wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new PluginRuntimeException("Plugin-Class '{}' was not found in the plugin", className);
        }
    }

    // Same constructor preference as PF4J's own factory: the PluginWrapper one when declared.
    private static Plugin instantiate(Class<? extends Plugin> pluginClass, PluginWrapper wrapper) {
        try {
            try {
                Constructor<? extends Plugin> withWrapper = pluginClass.getConstructor(PluginWrapper.class);
                return withWrapper.newInstance(wrapper);
            } catch (NoSuchMethodException e) {
                return pluginClass.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "Plugin-Class '{}' failed in its constructor",
                    pluginClass.getName());
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "Plugin-Class '{}' has no public constructor PF4J can call",
                    pluginClass.getName());
        }
    }
}
