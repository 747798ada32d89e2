package ai.stratum.server.plugins;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.PlatformInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pf4j.ExtensionPoint;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;

/**
 * What one started plugin provides: the names of the extension points it implements, the
 * connectors its {@link PlatformInfo}s describe, and one instance of each extension.
 *
 * @param extensionPoints simple names of the implemented extension points, sorted
 * @param connectors      the described connectors, in extension order
 * @param entries         each extension instance with the connector it serves
 */
record PluginExtensions(
        List<String> extensionPoints,
        List<ConnectorDescriptor> connectors,
        List<ConnectorIndex.Entry> entries) {

    PluginExtensions {
        extensionPoints = List.copyOf(extensionPoints);
        connectors = List.copyOf(connectors);
        entries = List.copyOf(entries);
    }

    /**
     * Loads and creates every extension a started plugin lists in its index, and reads its
     * descriptors. Plugin code runs here (constructors, {@code descriptor()}, {@code connectorId()}),
     * so anything it throws fails the plugin rather than a later request.
     *
     * @throws PluginRuntimeException when an extension cannot be created, or the plugin's
     *                                connectors are inconsistent
     */
    static PluginExtensions inspect(PluginManager manager, String pluginId) {
        SortedSet<String> extensionPoints = new TreeSet<>();
        List<ConnectorDescriptor> connectors = new ArrayList<>();
        List<ConnectorIndex.Entry> entries = new ArrayList<>();
        for (String className : new TreeSet<>(manager.getExtensionClassNames(pluginId))) {
            Class<?> extensionClass = load(manager, pluginId, className);
            extensionPoints.addAll(extensionPointNames(extensionClass));
            Object extension = manager.getExtensionFactory().create(extensionClass);
            if (extension instanceof PlatformInfo info) {
                connectors.add(describe(info, className));
            }
            if (extension instanceof ConnectorExtension connectorExtension) {
                entries.add(new ConnectorIndex.Entry(connectorIdOf(connectorExtension, className), connectorExtension));
            }
        }
        requireConsistent(connectors, entries);
        return new PluginExtensions(List.copyOf(extensionPoints), connectors, entries);
    }

    private static Class<?> load(PluginManager manager, String pluginId, String className) {
        try {
            return manager.getPluginClassLoader(pluginId).loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginRuntimeException(e, "extension {} could not be loaded", className);
        }
    }

    private static ConnectorDescriptor describe(PlatformInfo info, String className) {
        ConnectorDescriptor descriptor = info.descriptor();
        if (descriptor == null) {
            throw new PluginRuntimeException("{} returned no descriptor", className);
        }
        return descriptor;
    }

    private static String connectorIdOf(ConnectorExtension extension, String className) {
        String connectorId = extension.connectorId();
        if (connectorId == null) {
            throw new PluginRuntimeException("{} names no connector", className);
        }
        return connectorId;
    }

    // Every extension must serve a connector this plugin describes, or the host could not route to it.
    private static void requireConsistent(List<ConnectorDescriptor> connectors, List<ConnectorIndex.Entry> entries) {
        Set<String> described = new HashSet<>();
        for (ConnectorDescriptor descriptor : connectors) {
            if (!described.add(descriptor.connectorId())) {
                throw new PluginRuntimeException("connector '{}' is described twice", descriptor.connectorId());
            }
        }
        for (ConnectorIndex.Entry entry : entries) {
            if (!described.contains(entry.connectorId())) {
                throw new PluginRuntimeException("{} serves connector '{}', which no PlatformInfo of the plugin describes",
                        entry.extension().getClass().getName(), entry.connectorId());
            }
        }
    }

    /** The extension point interfaces a class implements, directly or through its supertypes. */
    private static Set<String> extensionPointNames(Class<?> extensionClass) {
        Set<String> names = new TreeSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(extensionClass);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            for (Class<?> implemented : type.getInterfaces()) {
                if (ExtensionPoint.class.isAssignableFrom(implemented) && implemented != ExtensionPoint.class
                        && implemented != ConnectorExtension.class) {
                    names.add(implemented.getSimpleName());
                }
                pending.add(implemented);
            }
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
        }
        return names;
    }
}
