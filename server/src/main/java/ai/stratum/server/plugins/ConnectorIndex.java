package ai.stratum.server.plugins;

import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.Platform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.PluginRuntimeException;

/**
 * The connectors of all started plugins and their extension instances, built once at start and
 * read-only afterwards, so lookups from many request threads need no locking and never call
 * plugin code.
 */
final class ConnectorIndex {

    static final ConnectorIndex EMPTY = new ConnectorIndex(Map.of(), List.of());

    /** An extension instance and the connector it serves. */
    record Entry(String connectorId, ConnectorExtension extension) {
    }

    private final Map<String, ConnectorDescriptor> descriptors;
    private final List<Entry> entries;

    private ConnectorIndex(Map<String, ConnectorDescriptor> descriptors, List<Entry> entries) {
        this.descriptors = descriptors;
        this.entries = entries;
    }

    List<ConnectorDescriptor> descriptors() {
        return List.copyOf(descriptors.values());
    }

    Optional<ConnectorDescriptor> descriptor(String connectorId) {
        return Optional.ofNullable(descriptors.get(connectorId));
    }

    <T extends ConnectorExtension> List<T> byConnector(String connectorId, Class<T> type) {
        return entries.stream()
                .filter(entry -> entry.connectorId().equals(connectorId))
                .map(Entry::extension)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    <T extends ConnectorExtension> List<T> byPlatform(Platform platform, Class<T> type) {
        return descriptors.values().stream()
                .filter(descriptor -> descriptor.platform().equals(Optional.of(platform)))
                .flatMap(descriptor -> byConnector(descriptor.connectorId(), type).stream())
                .toList();
    }

    /** Collects plugins' connectors, refusing a connector id that a started plugin already provides. */
    static final class Builder {

        private final Map<String, ConnectorDescriptor> descriptors = new LinkedHashMap<>();
        private final Map<String, String> providers = new LinkedHashMap<>();
        private final List<Entry> entries = new ArrayList<>();

        /**
         * Adds all of a plugin's connectors, or none of them.
         *
         * @throws PluginRuntimeException when another plugin already provides one of its connectors
         */
        void add(String pluginId, PluginExtensions extensions) {
            for (ConnectorDescriptor descriptor : extensions.connectors()) {
                String provider = providers.get(descriptor.connectorId());
                if (provider != null) {
                    throw new PluginRuntimeException("connector '{}' is already provided by plugin '{}'",
                            descriptor.connectorId(), provider);
                }
            }
            for (ConnectorDescriptor descriptor : extensions.connectors()) {
                descriptors.put(descriptor.connectorId(), descriptor);
                providers.put(descriptor.connectorId(), pluginId);
            }
            entries.addAll(extensions.entries());
        }

        ConnectorIndex build() {
            return new ConnectorIndex(Collections.unmodifiableMap(new LinkedHashMap<>(descriptors)), List.copyOf(entries));
        }
    }
}
