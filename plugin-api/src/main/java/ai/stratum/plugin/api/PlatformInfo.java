package ai.stratum.plugin.api;

/**
 * Describes one connector of your plugin. Every connector needs exactly one: the server lists
 * plugins with their descriptors, refuses a second connector with the same id, and routes the
 * connector's other extensions by it. A plugin that brings several systems (say HubSpot and Zoho
 * CRM) provides one {@code PlatformInfo} per system.
 *
 * <p>The server calls {@link #descriptor()} once, when it starts the plugin.
 */
public interface PlatformInfo extends ConnectorExtension {

    /**
     * What this connector is.
     *
     * @return the descriptor; always the same value
     */
    ConnectorDescriptor descriptor();

    /**
     * The connector described, taken from {@link #descriptor()}.
     *
     * @return the connector id
     */
    @Override
    default String connectorId() {
        return descriptor().connectorId();
    }
}
