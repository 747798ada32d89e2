package ai.stratum.server.plugins;

import ai.stratum.plugin.api.ConnectorDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.pf4j.PluginDescriptor;

/**
 * A plugin found in the plugins directory at start, and what became of it.
 *
 * @param id              the plugin id from its descriptor; the file name when it could not be read
 * @param version         the plugin version; {@value #UNKNOWN_VERSION} when the descriptor could not be read
 * @param state           whether it runs
 * @param file            the jar or directory name inside the plugins directory
 * @param extensionPoints simple names of the extension points it implements, sorted; empty unless started
 * @param connectors      the connectors its {@code PlatformInfo} extensions describe; empty unless started
 * @param error           why it is not running when {@link State#FAILED}, otherwise {@code null}
 */
public record InstalledPlugin(
        String id,
        String version,
        State state,
        String file,
        List<String> extensionPoints,
        List<ConnectorDescriptor> connectors,
        String error) {

    /** The version reported for a plugin whose descriptor could not be read. */
    public static final String UNKNOWN_VERSION = "unknown";

    /** Whether a plugin runs. */
    public enum State {
        /** Loaded and started; its extensions are in use. */
        STARTED,
        /** Could not be loaded, started or described; the error says why. */
        FAILED,
        /** Disabled by the operator in the plugins directory's {@code disabled.txt}. */
        DISABLED
    }

    public InstalledPlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(file, "file");
        extensionPoints = List.copyOf(extensionPoints);
        connectors = List.copyOf(connectors);
        if ((state == State.FAILED) != (error != null)) {
            throw new IllegalArgumentException("a plugin has an error exactly when it FAILED");
        }
    }

    static InstalledPlugin started(PluginDescriptor descriptor, Path file, PluginExtensions extensions) {
        return new InstalledPlugin(descriptor.getPluginId(), descriptor.getVersion(), State.STARTED, fileName(file),
                extensions.extensionPoints(), extensions.connectors(), null);
    }

    static InstalledPlugin disabled(PluginDescriptor descriptor, Path file) {
        return new InstalledPlugin(descriptor.getPluginId(), descriptor.getVersion(), State.DISABLED, fileName(file),
                List.of(), List.of(), null);
    }

    static InstalledPlugin failed(PluginDescriptor descriptor, Path file, String error) {
        return new InstalledPlugin(descriptor.getPluginId(), descriptor.getVersion(), State.FAILED, fileName(file),
                List.of(), List.of(), error);
    }

    /** A file that did not yield a descriptor is listed under its own name. */
    static InstalledPlugin unreadable(Path file, String error) {
        return new InstalledPlugin(fileName(file), UNKNOWN_VERSION, State.FAILED, fileName(file),
                List.of(), List.of(), error);
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }
}
