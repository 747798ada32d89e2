package ai.stratum.server.connectors;

import ai.stratum.connector.host.HttpTransports;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorDescriptor;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the context of each plugin call: the credentials of the one connection it serves plus the
 * platform client's (never another connection's), the platform's endpoints (the operator's base
 * URLs over the plugin's defaults), the host transport bound to the account's rate limit, the
 * clock, and telemetry that names the tenant and connection.
 */
@Singleton
class ConnectorContexts {

    private final ConnectorSettings settings;
    private final HttpTransports transports;
    private final MeterRegistry meters;
    private final Clock clock;

    ConnectorContexts(ConnectorSettings settings, HttpTransports transports, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.transports = transports;
        this.meters = meters;
        this.clock = clock;
    }

    /** A call on behalf of a connection, with its current credentials. */
    ConnectorContext forConnection(ConnectionSession session, ConnectorDescriptor descriptor) {
        AccountConnection connection = session.connection();
        Credentials credentials = withHostCredentials(connection.platform(), session.credentials());
        CallScope scope = new CallScope(connection.tenant(), connection.platform(), descriptor.connectorId(),
                Optional.of(connection.id()));
        return context(scope, descriptor, credentials, connection.platform().id() + ":" + connection.accountId());
    }

    /** A call before there is a connection (OAuth): the platform client's credentials only. */
    ConnectorContext forClient(TenantId tenant, Platform platform, ConnectorDescriptor descriptor) {
        CallScope scope = new CallScope(tenant, platform, descriptor.connectorId(), Optional.empty());
        return context(scope, descriptor, withHostCredentials(platform, Credentials.none()), platform.id() + ":oauth");
    }

    /** The secrets a call's text must never show: the connection's and the platform client's. */
    Redactor redactor(Platform platform, Credentials connectionCredentials) {
        return Redactor.of(withHostCredentials(platform, connectionCredentials));
    }

    /** @return the credentials a connection stores: what a plugin returned, less what the host supplies */
    static Credentials storable(Credentials fromPlugin) {
        Credentials stored = fromPlugin;
        for (String name : PlatformSettings.HOST_CREDENTIAL_NAMES) {
            stored = stored.without(name);
        }
        return stored;
    }

    private ConnectorContext context(CallScope scope, ConnectorDescriptor descriptor, Credentials credentials, String rateLimitKey) {
        PlatformSettings platform = settings.platform(scope.platform());
        ConnectorTelemetry telemetry = new ConnectorTelemetry(meters, scope, Redactor.of(credentials));
        return new ConnectorContext(credentials, platform.endpoints(descriptor.defaultEndpoints()),
                transports.forAccount(rateLimitKey, telemetry), clock, telemetry);
    }

    private Credentials withHostCredentials(Platform platform, Credentials connection) {
        Map<String, String> values = new HashMap<>(connection.values());
        // the operator's client settings win over anything a connection might carry under the same name
        values.putAll(settings.platform(platform).hostCredentials());
        return Credentials.of(values);
    }
}
