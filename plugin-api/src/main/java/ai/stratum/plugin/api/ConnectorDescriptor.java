package ai.stratum.plugin.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one connector is: the system it connects to, the API version it speaks and the actions it
 * executes. Your {@link PlatformInfo} returns one; the server lists it in its {@code plugins}
 * query and uses it to route calls. Build one with {@link #adPlatform}, {@link #crm} or
 * {@link #messaging}.
 *
 * @param connectorId      unique among all plugins, lower-case words joined by hyphens, for
 *                         example {@code meta-marketing}; every other extension of the connector
 *                         returns it from {@link ConnectorExtension#connectorId()}
 * @param kind             what sort of system it connects to
 * @param system           the system, in lower case: an ad platform's {@link Platform#id()}, or
 *                         your own stable name such as {@code hubspot}
 * @param displayName      the name people see, for example {@code Meta Marketing API}
 * @param apiVersion       the platform API version the connector targets, as the platform writes
 *                         it, for example {@code v25.0}
 * @param defaultEndpoints where the platform is reached unless an operator overrides it
 * @param supportedActions the actions its {@link ActionExecutor} executes; empty for CRMs and
 *                         messaging channels
 */
public record ConnectorDescriptor(
        String connectorId,
        ConnectorKind kind,
        String system,
        String displayName,
        String apiVersion,
        PlatformEndpoints defaultEndpoints,
        Set<ActionType> supportedActions) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Creates a descriptor; prefer the factory methods.
     *
     * @param connectorId unique among all plugins, lower-case words joined by hyphens, for example {@code meta-marketing}; every other extension of the connector returns it from {@link ConnectorExtension#connectorId()}
     * @param kind what sort of system it connects to
     * @param system the system, in lower case: an ad platform's {@link Platform#id()}, or your own stable name such as {@code hubspot}
     * @param displayName the name people see, for example {@code Meta Marketing API}
     * @param apiVersion the platform API version the connector targets, as the platform writes it, for example {@code v25.0}
     * @param defaultEndpoints where the platform is reached unless an operator overrides it
     * @param supportedActions the actions its {@link ActionExecutor} executes; empty for CRMs and messaging channels
     * @throws IllegalArgumentException when an id is malformed, an ad-platform connector names no Platform, or another kind lists actions
     */
    public ConnectorDescriptor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultEndpoints, "defaultEndpoints");
        requireId(connectorId, "connectorId");
        requireId(system, "system");
        requireText(displayName, "displayName");
        requireText(apiVersion, "apiVersion");
        supportedActions = Collections.unmodifiableSet(supportedActions.isEmpty()
                ? EnumSet.noneOf(ActionType.class)
                : EnumSet.copyOf(supportedActions));
        if (kind == ConnectorKind.AD_PLATFORM && Platform.fromId(system).isEmpty()) {
            throw new IllegalArgumentException("an ad-platform connector's system must be a Platform id: " + system);
        }
        // Every action type acts on campaigns, ad sets or ads; only ad platforms have them.
        if (kind != ConnectorKind.AD_PLATFORM && !supportedActions.isEmpty()) {
            throw new IllegalArgumentException(kind + " connector " + connectorId + " cannot support ad actions");
        }
    }

    /**
     * Describes an ad-platform connector.
     *
     * @param connectorId      unique connector id, for example {@code meta-marketing}
     * @param platform         the ad platform
     * @param displayName      the name people see
     * @param apiVersion       the platform API version targeted
     * @param defaultEndpoints where the platform is reached by default
     * @param supportedActions the actions the connector executes
     * @return the descriptor
     */
    public static ConnectorDescriptor adPlatform(String connectorId, Platform platform, String displayName,
            String apiVersion, PlatformEndpoints defaultEndpoints, Set<ActionType> supportedActions) {
        return new ConnectorDescriptor(connectorId, ConnectorKind.AD_PLATFORM, platform.id(), displayName,
                apiVersion, defaultEndpoints, supportedActions);
    }

    /**
     * Describes a CRM connector.
     *
     * @param connectorId      unique connector id, for example {@code hubspot-crm}
     * @param system           the CRM's stable lower-case name, for example {@code hubspot}
     * @param displayName      the name people see
     * @param apiVersion       the CRM API version targeted
     * @param defaultEndpoints where the CRM is reached by default
     * @return the descriptor
     */
    public static ConnectorDescriptor crm(String connectorId, String system, String displayName,
            String apiVersion, PlatformEndpoints defaultEndpoints) {
        return new ConnectorDescriptor(connectorId, ConnectorKind.CRM, system, displayName, apiVersion,
                defaultEndpoints, Set.of());
    }

    /**
     * Describes a messaging-channel connector.
     *
     * @param connectorId      unique connector id, for example {@code whatsapp-business}
     * @param system           the channel's stable lower-case name, for example {@code whatsapp}
     * @param displayName      the name people see
     * @param apiVersion       the channel API version targeted
     * @param defaultEndpoints where the channel is reached by default
     * @return the descriptor
     */
    public static ConnectorDescriptor messaging(String connectorId, String system, String displayName,
            String apiVersion, PlatformEndpoints defaultEndpoints) {
        return new ConnectorDescriptor(connectorId, ConnectorKind.MESSAGING, system, displayName, apiVersion,
                defaultEndpoints, Set.of());
    }

    /**
     * The ad platform this connector serves.
     *
     * @return the platform, or empty for CRMs and messaging channels
     */
    public Optional<Platform> platform() {
        return kind == ConnectorKind.AD_PLATFORM ? Platform.fromId(system) : Optional.empty();
    }

    /**
     * Whether the connector executes the action.
     *
     * @param action an action type
     * @return true when it is in {@link #supportedActions()}
     */
    public boolean supports(ActionType action) {
        return supportedActions.contains(action);
    }

    private static void requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be lower-case words joined by hyphens: " + value);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
