package ai.stratum.server.connectors;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.plugins.PluginRegistry;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Finds the plugin extension that serves a platform, with the descriptor of its connector. When
 * several started plugins serve a platform, the first in plugin order (file-name order) wins, as
 * the plugins listing shows. Reads the registry's index only; no plugin code runs here.
 */
@Singleton
class PluginLookup {

    private final PluginRegistry plugins;

    PluginLookup(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** An extension and the connector it serves. */
    record Found<E extends ConnectorExtension>(E extension, ConnectorDescriptor descriptor) {
    }

    <E extends ConnectorExtension> Optional<Found<E>> find(Platform platform, Class<E> type) {
        for (ConnectorDescriptor descriptor : connectors(platform)) {
            List<E> extensions = plugins.extensions(descriptor.connectorId(), type);
            if (!extensions.isEmpty()) {
                return Optional.of(new Found<>(extensions.get(0), descriptor));
            }
        }
        return Optional.empty();
    }

    <E extends ConnectorExtension> Found<E> require(Platform platform, Class<E> type) {
        return find(platform, type).orElseThrow(() -> new ConnectorCallException(CallFailure.NO_PLUGIN,
                "No installed plugin provides a " + type.getSimpleName() + " for " + platform
                        + (connectors(platform).isEmpty() ? " (no plugin connects to " + platform + " at all)" : "")));
    }

    /** @return the connectors of the started plugins that serve the platform */
    List<ConnectorDescriptor> connectors(Platform platform) {
        return plugins.connectors().stream().filter(descriptor -> descriptor.platform().equals(Optional.of(platform))).toList();
    }
}
